import { randomUUID } from 'node:crypto';
import { unitSubject, type GuardedUnit } from '@ps/auth';
import type { DatedWrite } from '@ps/effective-dating';
import { ProposalStep, StaffingProposal } from './proposal.entity';
import { ProposalInputError } from './proposal.errors';
import type { ProposalStepKind } from './proposal.kinds';

/** Appends one step row (append-only), on the write's date and decision. */
export async function appendStep(write: DatedWrite, proposalId: string, step: ProposalStepKind, comment: string | null): Promise<void> {
  await write.manager.getRepository(ProposalStep).insert({
    id: randomUUID(), proposalId, step, comment, effectiveDate: write.date, decisionId: write.change.decision.id,
    actor: write.actor.username, actorUnitCode: write.actor.unitCode,
  });
}

/** Refuses a step dated before the step it follows: a proposal's history is told in order. */
export async function refuseStepBefore(write: DatedWrite, proposalId: string): Promise<void> {
  const [row]: Array<{ last: string | null }> = await write.manager.query(
    'SELECT max(effective_date)::text AS last FROM staffing_proposal_step WHERE proposal_id = $1',
    [proposalId],
  );
  if (row?.last && row.last > write.date) {
    throw new ProposalInputError(`Ngày ${write.date} trước bước đã ghi ngày ${row.last}`, `${write.date} is before the step recorded on ${row.last}`, {
      reason: 'STEP_BEFORE_PREVIOUS', proposalId, previousOn: row.last, date: write.date,
    });
  }
}

/** "Đề án tăng biên chế Văn phòng – Xã An Lập (25801)": how the audit trail names a proposal. */
export function proposalLabel(proposal: Pick<StaffingProposal, 'title'>, unit: Pick<GuardedUnit, 'name' | 'code'>): string {
  return `${proposal.title} – ${unitSubject(unit.code).label(unit)}`;
}

/** Names the proposal as the write's subject. */
export function aboutProposal(write: DatedWrite, proposal: StaffingProposal, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'StaffingProposal', id: proposal.id, label: proposalLabel(proposal, unit), unitCode: unit.code, unitPaths: [unit.path] });
}
