import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'Đặt chỉ tiêu cho kế hoạch / set a plan indicator' })
export class AddReformIndicatorInput {
  @Field(() => ID)
  planId!: string;

  @Field({ description: 'Tên chỉ tiêu / indicator' })
  name!: string;

  @Field({ description: 'Đơn vị tính / measured in, e.g. "%", "người"' })
  measure!: string;

  @Field(() => Float, { description: 'Mục tiêu / target' })
  target!: number;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Ghi nhận kết quả chỉ tiêu theo kỳ / record an indicator actual for a period' })
export class RecordIndicatorActualInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field(() => LocalDate, { description: 'Kỳ từ ngày / period from' })
  periodFrom!: string;

  @Field(() => LocalDate, { description: 'Kỳ đến ngày / period to' })
  periodTo!: string;

  @Field(() => Float, { description: 'Kết quả / actual' })
  actual!: number;

  @Field(() => EffectiveChangeInput, { description: 'Báo cáo kết quả, không trước cuối kỳ / the report, not before the period ends' })
  change!: EffectiveChangeInput;
}
