import { Field, ObjectType } from 'type-graphql';
import { RatingLevel } from '../rating/rating.entity';

/** A rule that lowered the level chosen, cited by its set's document and article. */
@ObjectType({ description: 'Quy tắc đã áp dụng khi xếp loại (văn bản, điều khoản) / a rule applied, with its document and article' })
export class EvaluationAppliedRule {
  @Field({ description: 'Mã quy tắc, VD DISCIPLINED_IN_YEAR / the rule' })
  rule!: string;

  @Field(() => RatingLevel, { description: 'Mức quy tắc đưa đến / the level it gave' })
  level!: RatingLevel;

  @Field({ description: 'Văn bản / source document' })
  source!: string;

  @Field({ description: 'Điều khoản / article' })
  article!: string;
}
