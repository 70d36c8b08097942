import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { RatingLevel } from '../rating/rating.entity';
import { OverrideTrigger, QuotaScope } from './rule-set.kinds';

// Each part is both what a rule set shows and what recording one takes (one class, two names).

@ObjectType('RatingCriterion', { description: 'Tiêu chí và trọng số (điểm trên thang 100) / a criterion and its weight' })
@InputType('RatingCriterionInput')
export class RatingCriterion {
  @Field({ description: 'Mã tiêu chí, VD GENERAL / criterion code' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Trọng số; null khi xếp loại định tính / weight, null when qualitative' })
  weight!: number | null;

  @Field({ description: 'Điều khoản / article' })
  article!: string;
}

@ObjectType('RatingBand', { description: 'Khung xếp loại: điểm [from, to) và điều kiện kèm theo / a level’s band and conditions' })
@InputType('RatingBandInput')
export class RatingBand {
  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field(() => Float, { nullable: true, description: 'Từ (bao gồm) / from, inclusive' })
  from!: number | null;

  @Field(() => Float, { nullable: true, description: 'Đến (không bao gồm); null: đến điểm tối đa / to, exclusive; null: through the maximum' })
  to!: number | null;

  @Field(() => String, { nullable: true, description: 'Điều kiện định tính / the condition in words' })
  condition!: string | null;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ nhiệm vụ đúng hạn tối thiểu (%) / least share on time' })
  minOnTimePercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ nhiệm vụ vượt mức tối thiểu (%) / least share exceeding' })
  minExceedingPercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ nhiệm vụ trễ hạn tối đa (%) / largest share late' })
  maxLatePercent!: number | null;

  @Field({ description: 'Không có đơn vị, cá nhân bị kỷ luật / no disciplined sub-unit or member' })
  requiresNoDisciplined!: boolean;

  @Field()
  article!: string;
}

@ObjectType('RatingQuota', { description: 'Tỷ lệ tối đa: level ≤ maxPercent% số ofLevel trong phạm vi / a rating quota' })
@InputType('RatingQuotaInput')
export class RatingQuota {
  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field(() => RatingLevel)
  ofLevel!: RatingLevel;

  @Field(() => Float)
  maxPercent!: number;

  @Field(() => QuotaScope)
  scope!: QuotaScope;

  @Field()
  article!: string;
}

@ObjectType('RatingOverride', { description: 'Xếp loại bắt buộc bất kể điểm / a level forced whatever the score' })
@InputType('RatingOverrideInput')
export class RatingOverride {
  @Field()
  code!: string;

  @Field(() => OverrideTrigger)
  trigger!: OverrideTrigger;

  @Field(() => String, { nullable: true, description: 'Hình thức kỷ luật nhẹ nhất áp dụng, VD REPRIMAND / mildest discipline form' })
  minDiscipline!: string | null;

  @Field({ description: 'Chỉ áp dụng với người quản lý / leaders only' })
  leadersOnly!: boolean;

  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field()
  article!: string;
}

@ObjectType('LatePenalty', { description: 'Trừ điểm sản phẩm trễ hạn hoặc không đạt / late or defective product penalty' })
@InputType('LatePenaltyInput')
export class LatePenalty {
  @Field(() => Float, { description: 'Phần trăm điểm bị trừ / percent of its points lost' })
  percent!: number;

  @Field()
  article!: string;
}

@ObjectType('AnnualRatingDeadline', { description: 'Hạn xếp loại hằng năm / the annual rating deadline' })
@InputType('AnnualRatingDeadlineInput')
export class AnnualRatingDeadline {
  @Field({ description: 'Trước ngày (MM-DD) của năm đánh giá / before this day of the rated year' })
  before!: string;

  @Field(() => String, { nullable: true, description: 'Đơn vị đặc thù: trước ngày (MM-DD) năm sau / specialised units, next year' })
  specialisedBefore!: string | null;

  @Field()
  article!: string;
}

