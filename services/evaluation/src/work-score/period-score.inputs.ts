import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { RuleSubject } from '../rule-set/rule-set.kinds';

@InputType({ description: 'Tỷ lệ đạt của một tiêu chí chung / an assessed criterion’s share' })
export class AssessedCriterionInput {
  @Field({ description: 'Mã tiêu chí của bộ quy tắc, VD GENERAL / criterion code' })
  code!: string;

  @Field(() => Float, { description: 'Tỷ lệ đạt (0–100) / share achieved' })
  percent!: number;
}

@InputType({ description: 'Kết quả một sản phẩm công việc / what was delivered of one product' })
export class DeliveredWorkProductInput {
  @Field()
  code!: string;

  @Field(() => Int, { description: 'Số lượng đã hoàn thành / quantity delivered' })
  quantity!: number;

  @Field(() => Boolean, { nullable: true, description: 'Đạt chất lượng (hoặc nêu tỷ lệ) / quality met (or give the share)' })
  qualityMet?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ (%) số lượng đạt chuẩn / share meeting the standard' })
  qualityPercent?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày hoàn thành; bỏ trống nếu chưa giao / delivered on' })
  deliveredOn?: string | null;
}

@InputType({ description: 'Chấm điểm sản phẩm công việc của một người trong kỳ đang mở / score a person’s work products in an open cycle' })
export class ScoreWorkProductsInput {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => ID, { description: 'Người được chấm (mã của dịch vụ nhân sự) / the person' })
  personId!: string;

  @Field(() => RuleSubject, { description: 'Đối tượng áp dụng bộ quy tắc / whom the rule set applies to' })
  subject!: RuleSubject;

  @Field(() => ID, { description: 'Tổ chức và chức danh có quy định trách nhiệm áp dụng / organization and title of the responsibility rule' })
  organizationId!: string;

  @Field()
  titleCode!: string;

  @Field(() => Int, { defaultValue: 0, description: 'Số ngày nghỉ trong kỳ / days of leave in the period' })
  leaveDays!: number;

  @Field(() => [AssessedCriterionInput], { description: 'Các tiêu chí chấm theo tỷ lệ / criteria assessed by share' })
  assessed!: AssessedCriterionInput[];

  @Field(() => [DeliveredWorkProductInput])
  products!: DeliveredWorkProductInput[];

  @Field(() => EffectiveChangeInput, { description: 'Ngày chấm, lý do, văn bản / scored on, why, on which record' })
  change!: EffectiveChangeInput;
}
