import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RatingLevel } from './rating.entity';

@InputType({ description: 'Ghi nhận kết quả xếp loại / record a rating' })
export class RecordRatingInput {
  @Field(() => ID)
  unitCode!: string;

  @Field()
  subjectName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field(() => EffectiveChangeInput, {
    description: 'Quyết định công nhận kết quả, có hiệu lực từ ngày nào, lý do / the decision that recorded it, from when, why',
  })
  change!: EffectiveChangeInput;
}
