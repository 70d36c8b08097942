import { LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Judgement } from '../rating-engine/rating.level';
import { RatingLevel } from '../rating/rating.entity';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import { AppealStatus, EvaluationStatus, EvaluationStepKind } from './evaluation.kinds';

/**
 * A person's evaluation of one year under one subject's rules: who (as given when opened: the
 * person, agency, organization, title, duty group), where the workflow stands, and, once the
 * head decided, the level with the rule set and the rules that decided it. `revision` counts the
 * decisions: 1 for the head's, one more for each appeal that changed it.
 */
@ObjectType({ description: 'Phiếu đánh giá, xếp loại chất lượng năm của một người / a person’s evaluation of a year' })
@Entity({ name: 'evaluation' })
export class Evaluation {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field(() => ID, { description: 'Người được đánh giá (mã của dịch vụ nhân sự) / the person' })
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field()
  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Field(() => ID, { description: 'Cơ quan, đơn vị sử dụng / the employing agency’s unit' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => ID, { description: 'Tổ chức (mã của dịch vụ tổ chức) / the organization' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Mã chức danh / title code' })
  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;

  @Field(() => RuleSubject)
  @Column({ type: 'text' })
  subject!: RuleSubject;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year!: number;

  @Field({ description: 'Nhóm có nhiệm vụ tương đồng (để tính tỷ lệ) / group of similar duties, for quotas' })
  @Column({ name: 'duty_group', type: 'text' })
  dutyGroup!: string;

  @Field({ description: 'Người đứng đầu, cấp phó / holds a leading post' })
  @Column({ type: 'boolean' })
  leader!: boolean;

  @Field(() => EvaluationStatus)
  @Column({ type: 'text' })
  status!: EvaluationStatus;

  @Field(() => RatingLevel, { nullable: true, description: 'Mức tự đánh giá / the level self-assessed' })
  @Column({ name: 'self_level', type: 'text', nullable: true })
  selfLevel!: RatingLevel | null;

  @Field(() => RatingLevel, { nullable: true, description: 'Mức người quản lý đề xuất / the level the manager proposed' })
  @Column({ name: 'proposed_level', type: 'text', nullable: true })
  proposedLevel!: RatingLevel | null;

  @Field(() => RatingLevel, { nullable: true, description: 'Mức được quyết định; null khi chưa quyết định / the decided level' })
  @Column({ type: 'text', nullable: true })
  level!: RatingLevel | null;

  @Field(() => Float, { nullable: true, description: 'Điểm năm (thang 100) khi xếp loại theo điểm / the annual points' })
  @Column({ type: 'double precision', nullable: true })
  points!: number | null;

  @Field(() => String, { nullable: true, description: 'Mã bộ quy tắc đã áp dụng / the rule set applied' })
  @Column({ name: 'rule_set', type: 'text', nullable: true })
  ruleSet!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  judgement!: Judgement | null;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày quyết định (lần gần nhất) / decided on (latest)' })
  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId!: string | null;

  @Field(() => Int, { description: 'Số lần quyết định: 1 lần đầu, thêm 1 mỗi lần khiếu nại làm thay đổi / decisions so far' })
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;
}

/** One recorded step: who, when, what level or comment, in force from which date. Append-only. */
@ObjectType({ description: 'Một bước đã ghi của quy trình đánh giá / a recorded step' })
@Entity({ name: 'evaluation_step' })
export class EvaluationStep {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @Field(() => EvaluationStepKind)
  @Column({ type: 'text' })
  step!: EvaluationStepKind;

  @Field(() => RatingLevel, { nullable: true })
  @Column({ type: 'text', nullable: true })
  level!: RatingLevel | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Field(() => LocalDate)
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId!: string | null;

  @Field({ description: 'Người ghi / who recorded it' })
  @Column({ type: 'text' })
  actor!: string;

  @Field(() => ID)
  @Column({ name: 'actor_unit_code', type: 'text' })
  actorUnitCode!: string;

  @Field(() => Date)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** An appeal against a decided rating; upheld, it re-rates (a new revision). */
@ObjectType({ description: 'Khiếu nại kết quả xếp loại / an appeal against a rating' })
@Entity({ name: 'evaluation_appeal' })
export class EvaluationAppeal {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field(() => ID)
  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @Field(() => LocalDate)
  @Column({ name: 'filed_on', type: 'date' })
  filedOn!: string;

  @Field()
  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'filed_by', type: 'text' })
  filedBy!: string;

  @Field(() => AppealStatus)
  @Column({ type: 'text' })
  status!: AppealStatus;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn!: string | null;

  @Field(() => RatingLevel, { nullable: true, description: 'Mức sau khi giải quyết / the level after it' })
  @Column({ name: 'resolved_level', type: 'text', nullable: true })
  resolvedLevel!: RatingLevel | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId!: string | null;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;
}

/** A discipline personnel announced, as evaluation keeps it to force KHTNV in its years. */
@Entity({ name: 'discipline_fact' })
export class DisciplineFact {
  @PrimaryColumn({ name: 'discipline_id', type: 'uuid' })
  disciplineId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  system!: string;

  @Column({ type: 'text' })
  form!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;
}
