import { EffectiveVersion, LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/** Reads numeric columns as numbers (PostgreSQL sends them as text). */
const numeric = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** An indicator of a plan: what is measured, in what, and the target. */
@ObjectType({ description: 'Chỉ tiêu của kế hoạch / a plan indicator' })
@Entity({ name: 'reform_indicator' })
export class ReformIndicator extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Field({ description: 'Tên chỉ tiêu / indicator' })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'Đơn vị tính / measured in' })
  @Column({ type: 'text' })
  measure!: string;

  @Field(() => Float, { description: 'Mục tiêu / target' })
  @Column({ type: 'numeric', transformer: numeric })
  target!: number;
}

/** The actual value of an indicator for one period. */
@ObjectType({ description: 'Kết quả thực hiện chỉ tiêu theo kỳ / an indicator actual for a period' })
@Entity({ name: 'reform_indicator_actual' })
export class IndicatorActual extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Field(() => LocalDate, { description: 'Kỳ từ ngày / period from' })
  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Field(() => LocalDate, { description: 'Kỳ đến ngày / period to' })
  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Field(() => Float, { description: 'Kết quả / actual' })
  @Column({ type: 'numeric', transformer: numeric })
  actual!: number;
}

export function indicatorSnapshot(indicator: ReformIndicator) {
  const { id, planId, name, measure, target, validFrom } = indicator;
  return { id, planId, name, measure, target, validFrom };
}

export function actualSnapshot(actual: IndicatorActual) {
  const { id, indicatorId, periodFrom, periodTo, actual: value, validFrom } = actual;
  return { id, indicatorId, periodFrom, periodTo, actual: value, validFrom };
}
