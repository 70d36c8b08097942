import { LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RatingLevel } from '../rating/rating.entity';
import type { CriterionPoints } from '../rating-engine/rating.score';
import type { WeightedPeriod } from './annual.weighting';
import type { ProductContribution } from './period.score';

@ObjectType({ description: 'Điểm của một tiêu chí trên thang 100 / a criterion’s points' })
export class ScoredCriterion implements Omit<CriterionPoints, 'products'> {
  @Field()
  code!: string;

  @Field(() => Float)
  weight!: number;

  @Field(() => Float)
  points!: number;

  @Field(() => Float, { description: 'Điểm bị trừ do trễ hạn, không đạt / points lost to lateness or defects' })
  penalty!: number;
}

@ObjectType({ description: 'Đóng góp của một sản phẩm công việc vào điểm kỳ / what one work product added to the period’s score' })
export class WorkProductContribution implements ProductContribution {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Float)
  weight!: number;

  @Field(() => Int)
  expectedQuantity!: number;

  @Field(() => Int)
  deliveredQuantity!: number;

  @Field(() => Float)
  qualityPercent!: number;

  @Field(() => LocalDate, { description: 'Hạn / due on' })
  dueOn!: string;

  @Field(() => LocalDate, { nullable: true })
  deliveredOn!: string | null;

  @Field()
  late!: boolean;

  @Field({ description: 'Không đạt tiêu chuẩn chất lượng / below its quality standard' })
  defective!: boolean;

  @Field(() => Float, { description: 'Phần trọng số đạt theo số lượng (trên 100 của sản phẩm) / share of its weight earned by quantity' })
  earned!: number;

  @Field(() => Float, { description: 'Điểm đóng góp vào thang 100 sau khi trừ / points added to the 100-point score' })
  points!: number;

  @Field(() => Float, { description: 'Điểm bị trừ trên thang 100 / points its penalty took' })
  penalty!: number;
}

@ObjectType({ description: 'Một kỳ trong điểm năm / one period of an annual score' })
export class AnnualScorePeriod implements WeightedPeriod {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => ID, { description: 'Đơn vị nơi chấm (giữ nguyên khi điều động) / where it was earned' })
  unitCode!: string;

  @Field(() => LocalDate)
  from!: string;

  @Field(() => LocalDate)
  to!: string;

  @Field(() => Float)
  points!: number;

  @Field(() => Int)
  leaveDays!: number;

  @Field(() => Int, { description: 'Số ngày làm việc thực tế, trọng số của kỳ / days actually worked, the period’s weight' })
  daysWorked!: number;
}

@ObjectType({ description: 'Điểm năm của một người từ điểm các kỳ / a person’s annual score from the period scores' })
export class AnnualScore {
  @Field(() => ID)
  personId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Float, { nullable: true, description: 'Trung bình có trọng số theo ngày làm việc thực tế; null khi không có ngày làm việc / weighted by days worked' })
  points!: number | null;

  @Field(() => Int)
  daysWorked!: number;

  @Field(() => String, { nullable: true, description: 'Bộ quy tắc có hiệu lực ngày cuối năm / rule set in force on the year’s last day' })
  ruleSet!: string | null;

  @Field(() => RatingLevel, { nullable: true, description: 'Mức theo điểm, trước khi xét kỷ luật / the level the points give, before discipline' })
  levelByPoints!: RatingLevel | null;

  @Field(() => [AnnualScorePeriod])
  periods!: AnnualScorePeriod[];
}
