import { randomUUID } from 'node:crypto';
import { requireCapability, type Capability, type Principal } from '@ps/auth';
import { StaffingProposalApproved } from '@ps/contracts';
import { isStableId, requiredText, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { ProposalStep, StaffingProposal, proposalSnapshot } from './proposal.entity';
import { ProposalInputError } from './proposal.errors';
import type { DraftStaffingProposalInput, ProposalStepInput } from './proposal.inputs';
import { ProposalStatus, ProposalStepKind } from './proposal.kinds';
import { aboutProposal, appendStep, refuseStepBefore } from './proposal.steps';
import { lockedProposal, proposingUnit } from './proposal.territory';
import { checkPositions, nextStatus, requireApprover, requireAppraiser, requireProposingUnit, type ProposingUnit } from './proposal.workflow';

/** Each step: the capability it needs, who may take it, what its comment is called (null: none asked). */
const STEPS = {
  submitStaffingProposal: { kind: ProposalStepKind.SUBMITTED, capability: 'officer', competent: requireProposingUnit, comment: null },
  appraiseStaffingProposal: { kind: ProposalStepKind.APPRAISED, capability: 'officer', competent: requireAppraiser, comment: { vi: 'Ý kiến thẩm định', en: 'Appraisal opinion' } },
  approveStaffingProposal: { kind: ProposalStepKind.APPROVED, capability: 'admin', competent: requireApprover, comment: null },
  rejectStaffingProposal: { kind: ProposalStepKind.REJECTED, capability: 'admin', competent: requireApprover, comment: { vi: 'Lý do từ chối', en: 'Rejection reason' } },
  withdrawStaffingProposal: { kind: ProposalStepKind.WITHDRAWN, capability: 'officer', competent: requireProposingUnit, comment: { vi: 'Lý do rút đề án', en: 'Withdrawal reason' } },
} satisfies Record<string, {
  kind: ProposalStepKind;
  capability: Capability;
  competent: (caller: Principal, unit: ProposingUnit) => void;
  comment: { vi: string; en: string } | null;
}>;

export type ProposalOperation = keyof typeof STEPS;

/**
 * The staffing proposal workflow: drafted and submitted by the unit, appraised by the
 * organization body of a tier above, approved or rejected by a strictly higher tier. Every step
 * is one kernel write (decision, step row, audit row, and on approval the event organization
 * acts on), refused with a typed error when out of order or taken by the wrong tier.
 */
export class ProposalService {
  constructor(private readonly dataSource: DataSource) {}

  /** Drafts a proposal for one of the unit's organizations (the unit's officers). */
  draft(principal: Principal, input: DraftStaffingProposalInput): Promise<StaffingProposal> {
    requireCapability(principal, 'officer');
    const fields = draftedFields(input);
    return writeDated(this.dataSource, { actor: principal, operation: 'draftStaffingProposal', change: input.change }, async (write) => {
      const unit = await proposingUnit(write.manager, principal, input.unitCode, write.date);
      requireProposingUnit(principal, unit);
      const proposal = write.manager.getRepository(StaffingProposal).create({
        ...fields, id: randomUUID(), unitCode: unit.code, status: ProposalStatus.DRAFT, draftedOn: write.date, placedOn: write.date, appraisalOpinion: null,
        decisionRef: null, outcomeReason: null, outcomeCode: null, appliedQuota: null, createdBy: write.actor.userId,
      });
      await write.manager.getRepository(StaffingProposal).insert(proposal);
      await appendStep(write, proposal.id, ProposalStepKind.DRAFTED, null);
      aboutProposal(write, proposal, unit).after(proposalSnapshot(proposal));
      return proposal;
    });
  }

  /** One step after drafting, by its operation's rules. */
  step(principal: Principal, operation: ProposalOperation, input: ProposalStepInput): Promise<StaffingProposal> {
    const rules = STEPS[operation];
    requireCapability(principal, rules.capability);
    const comment = rules.comment ? requiredText(input.comment ?? '', rules.comment) : null;
    return writeDated(this.dataSource, { actor: principal, operation, change: input.change }, async (write) => {
      const proposal = await lockedProposal(write.manager, principal, input.proposalId);
      const status = nextStatus(proposal, rules.kind);
      const unit = await proposingUnit(write.manager, principal, proposal.unitCode, write.date);
      rules.competent(principal, unit);
      await refuseStepBefore(write, proposal.id);
      aboutProposal(write, proposal, unit).before(proposalSnapshot(proposal));
      const changes = { status, ...outcomeOf(rules.kind, comment, write) };
      Object.assign(proposal, changes);
      await write.manager.getRepository(StaffingProposal).update({ id: proposal.id }, changes);
      await appendStep(write, proposal.id, rules.kind, comment);
      write.after(proposalSnapshot(proposal));
      if (rules.kind === ProposalStepKind.APPROVED) await announceApproval(write, principal, proposal, unit.path);
      return proposal;
    });
  }

  /** The proposal's steps in the order they were taken (for loaders: one query per batch). */
  async stepsOf(proposalIds: readonly string[]): Promise<Map<string, ProposalStep[]>> {
    const steps = await this.dataSource.getRepository(ProposalStep).createQueryBuilder('step')
      .where('step.proposal_id IN (:...proposalIds)', { proposalIds }).orderBy('step.recorded_at').addOrderBy('step.effective_date').getMany();
    const byProposal = new Map<string, ProposalStep[]>();
    for (const step of steps) byProposal.set(step.proposalId, [...(byProposal.get(step.proposalId) ?? []), step]);
    return byProposal;
  }
}

/** What a step records on the proposal besides its status. */
function outcomeOf(kind: ProposalStepKind, comment: string | null, write: DatedWrite): Partial<StaffingProposal> {
  if (kind === ProposalStepKind.APPRAISED) return { appraisalOpinion: comment };
  if (kind === ProposalStepKind.APPROVED) return { decisionRef: write.change.decision.number };
  if (kind === ProposalStepKind.REJECTED) return { decisionRef: write.change.decision.number, outcomeReason: comment };
  if (kind === ProposalStepKind.WITHDRAWN) return { outcomeReason: comment };
  return {};
}

/** The approval, for organization to raise the quota on: keyed by the proposal, citing the approving decision. */
async function announceApproval(write: DatedWrite, principal: Principal, proposal: StaffingProposal, unitPath: string): Promise<void> {
  const { userId, username, role, unitCode, tier } = principal;
  await write.emit(
    StaffingProposalApproved,
    { proposalId: proposal.id, unitCode: proposal.unitCode, organizationId: proposal.organizationId, increase: proposal.increase, approvedBy: { userId, username, role, unitCode, tier }, ...write.facts },
    { aggregateId: proposal.id, unitPath },
  );
}

/** The columns a draft sets from its input, checked. */
function draftedFields(input: DraftStaffingProposalInput) {
  if (!isStableId(input.organizationId)) {
    throw new ProposalInputError('Mã tổ chức phải là UUID', 'The organization id must be a UUID', { reason: 'ID_SHAPE', organizationId: input.organizationId });
  }
  return {
    organizationId: input.organizationId,
    title: requiredText(input.title, { vi: 'Tên đề án', en: 'Proposal title' }),
    increase: input.increase,
    positions: checkPositions(input.increase, input.positions),
    justification: requiredText(input.justification, { vi: 'Sự cần thiết của đề án', en: 'Justification' }),
    workloadEvidence: requiredText(input.workloadEvidence, { vi: 'Căn cứ khối lượng công việc', en: 'Workload evidence' }),
  };
}
