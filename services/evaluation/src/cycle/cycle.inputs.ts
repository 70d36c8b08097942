import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';
import { CycleKind } from './cycle.kinds';

@InputType({ description: 'Mở kỳ đánh giá tháng, quý hoặc năm của đơn vị / open a unit’s monthly, quarterly or annual cycle' })
export class OpenEvaluationCycleInput {
  @Field(() => ID)
  unitCode!: string;

  @Field(() => CycleKind)
  kind!: CycleKind;

  @Field(() => LocalDate, { description: 'Ngày đầu tháng, quý hoặc năm / first day of the month, quarter or year' })
  periodFrom!: string;

  @Field(() => LocalDate, { description: 'Ngày cuối tháng, quý hoặc năm / its last day' })
  periodTo!: string;

  @Field(() => EffectiveChangeInput, { description: 'Ngày mở kỳ, lý do, văn bản / opened on, why, on which decision' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Đóng kỳ đánh giá / close an evaluation cycle' })
export class CloseEvaluationCycleInput {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => EffectiveChangeInput, { description: 'Ngày đóng kỳ, lý do, văn bản / closed on, why, on which decision' })
  change!: EffectiveChangeInput;
}
