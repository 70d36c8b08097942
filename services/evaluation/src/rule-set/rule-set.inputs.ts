import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, InputType } from 'type-graphql';
import { AnnualRatingDeadline, LatePenalty, RatingBand, RatingCriterion, RatingOverride, RatingQuota } from './rule-set-parts.type';
import { RatingMethod, RuleSubject } from './rule-set.kinds';

@InputType({ description: 'Ghi nhận bộ quy tắc xếp loại mới, có hiệu lực từ ngày của quyết định / record a rating rule set' })
export class RecordRatingRuleSetInput {
  @Field({ description: 'Mã bộ quy tắc, VD ND999-2030-CIVIL_SERVANT / stable code' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => RuleSubject)
  appliesTo!: RuleSubject;

  @Field(() => LocalDate, { nullable: true, description: 'Hết hiệu lực từ (không bao gồm); bỏ trống nếu chưa có văn bản thay thế / in force until, exclusive' })
  validTo?: string | null;

  @Field()
  sourceDocument!: string;

  @Field()
  sourceArticle!: string;

  @Field(() => RatingMethod)
  method!: RatingMethod;

  @Field(() => [RatingCriterion])
  criteria!: RatingCriterion[];

  @Field(() => [RatingBand])
  bands!: RatingBand[];

  @Field(() => [RatingQuota])
  quotas!: RatingQuota[];

  @Field(() => [RatingOverride])
  overrides!: RatingOverride[];

  @Field(() => LatePenalty, { nullable: true })
  latePenalty?: LatePenalty | null;

  @Field(() => AnnualRatingDeadline, { nullable: true })
  annualDeadline?: AnnualRatingDeadline | null;

  @Field(() => String, {
    nullable: true,
    description: 'Mã bộ quy tắc cùng đối tượng được thay thế, hết hiệu lực từ ngày bộ mới có hiệu lực / code of the set it supersedes, ended on this one’s first day',
  })
  supersedes?: string | null;

  @Field(() => EffectiveChangeInput, { description: 'Hiệu lực từ ngày nào, lý do, văn bản ban hành / from when, why, the issuing decision' })
  change!: EffectiveChangeInput;
}
