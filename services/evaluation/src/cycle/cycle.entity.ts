import { LocalDate } from '@ps/effective-dating';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CycleKind } from './cycle.kinds';

/** An evaluation cycle of one agency (unit) for one month, quarter or year: open for scoring until closed. */
@ObjectType({ description: 'Kỳ đánh giá của đơn vị / an evaluation cycle of a unit' })
@Entity({ name: 'evaluation_cycle' })
export class EvaluationCycle {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field(() => ID)
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => CycleKind)
  @Column({ type: 'text' })
  kind!: CycleKind;

  @Field(() => LocalDate, { description: 'Từ ngày / first day' })
  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Field(() => LocalDate, { description: 'Đến ngày (bao gồm) / last day, included' })
  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Field(() => LocalDate, { description: 'Ngày mở kỳ / opened on' })
  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @Column({ name: 'opened_decision_id', type: 'uuid' })
  openedDecisionId!: string;

  @Column({ name: 'opened_by', type: 'text' })
  openedBy!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày đóng kỳ; null khi còn mở / closed on, null while open' })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ name: 'closed_decision_id', type: 'uuid', nullable: true })
  closedDecisionId!: string | null;

  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy!: string | null;

  @Field({ description: 'Còn mở để chấm điểm / still open for scoring' })
  get open(): boolean {
    return this.closedOn === null;
  }
}

/** A cycle as the audit trail records it. */
export function cycleSnapshot(cycle: EvaluationCycle) {
  const { id, unitCode, kind, periodFrom, periodTo, openedOn, closedOn } = cycle;
  return { id, unitCode, kind, periodFrom, periodTo, openedOn, closedOn };
}
