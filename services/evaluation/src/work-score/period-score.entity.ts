import { LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { daysIn } from '../cycle/cycle.period';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import type { AssessedCriterion, PeriodScoreResult } from './period.score';
import { ScoredCriterion, WorkProductContribution } from './period-score.types';
import type { DeliveredProduct } from './work-product.score';

/**
 * A person's score in one cycle: what was delivered, under which responsibility rule version and
 * rule set, and the computed result with each product's contribution. It belongs to the person:
 * no two of one person's scores cover the same day, wherever they were earned.
 */
@ObjectType({ description: 'Điểm kỳ đánh giá của một người từ sản phẩm công việc / a person’s period score from work products' })
@Entity({ name: 'period_score' })
export class PeriodScore {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field(() => ID)
  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Field(() => ID, { description: 'Người được chấm (mã của dịch vụ nhân sự) / the person' })
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field(() => ID)
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => LocalDate)
  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Field(() => LocalDate)
  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Field(() => RuleSubject)
  @Column({ type: 'text' })
  subject!: RuleSubject;

  @Field(() => ID)
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field()
  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;

  @Column({ name: 'rule_version_id', type: 'uuid' })
  ruleVersionId!: string;

  @Field(() => Int, { description: 'Số ngày nghỉ trong kỳ / days of leave in the period' })
  @Column({ name: 'leave_days', type: 'integer' })
  leaveDays!: number;

  @Column({ type: 'jsonb' })
  assessed!: AssessedCriterion[];

  @Column({ type: 'jsonb' })
  delivered!: DeliveredProduct[];

  @Column({ type: 'jsonb' })
  result!: PeriodScoreResult;

  @Field(() => Float, { description: 'Điểm kỳ trên thang 100 / the period’s points out of 100' })
  @Column({ type: 'double precision' })
  points!: number;

  @Field(() => LocalDate, { description: 'Ngày chấm / scored on' })
  @Column({ name: 'scored_on', type: 'date' })
  scoredOn!: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId!: string;

  @Column({ name: 'scored_by', type: 'text' })
  scoredBy!: string;

  @Field(() => Int, { description: 'Số ngày làm việc thực tế / days actually worked' })
  get daysWorked(): number {
    return Math.max(daysIn({ from: this.periodFrom, to: this.periodTo }) - this.leaveDays, 0);
  }

  @Field({ description: 'Bộ quy tắc xếp loại áp dụng / the rating rule set it was scored under' })
  get ruleSet(): string {
    return this.result.ruleSet;
  }

  @Field({ description: 'Tiêu chí tính từ sản phẩm / the criterion the products scored' })
  get productsCriterion(): string {
    return this.result.productsCriterion;
  }

  @Field(() => [ScoredCriterion])
  get criteria(): ScoredCriterion[] {
    return this.result.criteria;
  }

  @Field(() => [WorkProductContribution], { description: 'Giải trình từng sản phẩm / each product’s contribution' })
  get products(): WorkProductContribution[] {
    return this.result.products;
  }
}

/** A score as the audit trail records it. */
export function scoreSnapshot(score: PeriodScore) {
  const { id, cycleId, personId, subject, organizationId, titleCode, leaveDays, assessed, delivered, points } = score;
  return { id, cycleId, personId, subject, organizationId, titleCode, leaveDays, assessed, delivered, points, ruleSet: score.result.ruleSet };
}
