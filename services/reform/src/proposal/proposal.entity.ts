import { LocalDate } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ProposalStatus, ProposalStepKind } from './proposal.kinds';

/** Positions a proposal asks for: how many of one job position (vị trí việc làm) under one title. */
@ObjectType({ description: 'Vị trí việc làm đề nghị / positions asked for, by job position and title' })
export class ProposedPosition {
  @Field({ description: 'Vị trí việc làm / job position' })
  jobPosition!: string;

  @Field({ description: 'Mã chức danh / title code' })
  titleCode!: string;

  @Field(() => Int, { description: 'Số biên chế / headcount' })
  count!: number;
}

/**
 * A staffing proposal (đề án) a unit drafts for one of its organizations: the only way its
 * quota rises. The status moves through {@link ProposalStatus}; every step is a row of
 * {@link ProposalStep} and an audit row.
 */
@ObjectType({ description: 'Đề án biên chế / a staffing proposal' })
@Entity({ name: 'staffing_proposal' })
export class StaffingProposal {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field(() => ID, { description: 'Đơn vị lập đề án / the proposing unit' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => ID, { description: 'Tổ chức xin tăng biên chế / the organization whose quota rises' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Tên đề án / title' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => Int, { description: 'Số biên chế xin tăng / requested quota increase' })
  @Column({ type: 'integer' })
  increase!: number;

  @Field(() => [ProposedPosition])
  @Column({ type: 'jsonb' })
  positions!: ProposedPosition[];

  @Field({ description: 'Sự cần thiết / justification' })
  @Column({ type: 'text' })
  justification!: string;

  @Field({ description: 'Căn cứ khối lượng công việc / workload evidence' })
  @Column({ name: 'workload_evidence', type: 'text' })
  workloadEvidence!: string;

  @Field(() => ProposalStatus)
  @Column({ type: 'text' })
  status!: ProposalStatus;

  @Field(() => LocalDate, { description: 'Ngày lập / drafted on' })
  @Column({ name: 'drafted_on', type: 'date' })
  draftedOn!: string;

  /** The day the proposal came under its unit: drafted there, or moved there by a restructuring. */
  @Column({ name: 'placed_on', type: 'date' })
  placedOn!: string;

  @Field(() => String, { nullable: true, description: 'Ý kiến thẩm định / the appraisal opinion' })
  @Column({ name: 'appraisal_opinion', type: 'text', nullable: true })
  appraisalOpinion!: string | null;

  @Field(() => String, { nullable: true, description: 'Số quyết định phê duyệt hoặc từ chối / the approval or rejection decision number' })
  @Column({ name: 'decision_ref', type: 'text', nullable: true })
  decisionRef!: string | null;

  @Field(() => String, { nullable: true, description: 'Lý do từ chối, rút hoặc không thực hiện được / why rejected, withdrawn or not applied' })
  @Column({ name: 'outcome_reason', type: 'text', nullable: true })
  outcomeReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Mã lỗi của bên tổ chức khi không thực hiện được / organization’s error code when not applied' })
  @Column({ name: 'outcome_code', type: 'text', nullable: true })
  outcomeCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Biên chế của tổ chức sau khi thực hiện / the organization’s quota once applied' })
  @Column({ name: 'applied_quota', type: 'integer', nullable: true })
  appliedQuota!: number | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;
}

/** One step of a proposal, append-only: who took it, when, on which decision, with what opinion or reason. */
@ObjectType({ description: 'Một bước xử lý đề án / one step of a staffing proposal' })
@Entity({ name: 'staffing_proposal_step' })
export class ProposalStep {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @Field(() => ProposalStepKind)
  @Column({ type: 'text' })
  step!: ProposalStepKind;

  @Field(() => String, { nullable: true, description: 'Ý kiến hoặc lý do / opinion or reason' })
  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Field(() => LocalDate)
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId!: string | null;

  @Field({ description: 'Người ghi / who recorded it' })
  @Column({ type: 'text' })
  actor!: string;

  @Field(() => ID)
  @Column({ name: 'actor_unit_code', type: 'text' })
  actorUnitCode!: string;

  @Field(() => Date)
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}

/** A proposal as the audit trail records it. */
export function proposalSnapshot(proposal: StaffingProposal) {
  const { id, unitCode, organizationId, title, increase, positions, status, appraisalOpinion, decisionRef, outcomeReason, outcomeCode, appliedQuota } = proposal;
  return { id, unitCode, organizationId, title, increase, positions, status, appraisalOpinion, decisionRef, outcomeReason, outcomeCode, appliedQuota };
}
