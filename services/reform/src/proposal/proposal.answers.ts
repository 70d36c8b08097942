import { proposalAnswerReads } from '@ps/contracts';
import { decisionRefOf, Decision, systemActor, writeDatedIn } from '@ps/effective-dating';
import type { InboxConsumer } from '@ps/events';
import type { EntityManager } from 'typeorm';
import { StaffingProposal, proposalSnapshot } from './proposal.entity';
import { ProposalStatus, ProposalStepKind } from './proposal.kinds';
import { aboutProposal, appendStep } from './proposal.steps';
import { unitOn } from '../territory/unit-on';

/** Organization's answers are recorded as this actor: nobody at reform takes the step. */
const ANSWERS = systemActor('reform.proposal-answers');

/** What organization answered an approved proposal. */
type Answer =
  | { kind: ProposalStepKind.APPLIED; proposalId: string; effectiveDate: string; amount: number }
  | { kind: ProposalStepKind.APPLY_FAILED; proposalId: string; effectiveDate: string; code: string; message: string };

/**
 * The saga's last step at reform: an approved proposal becomes APPLIED when organization's
 * QuotaChanged naming it arrives, or APPLY_FAILED with organization's reason when its refusal
 * does. Each answer is one kernel write in the inbox transaction (a redelivery changes nothing);
 * quota changes naming no proposal are not reform's.
 */
export function receiveProposalAnswers(consumer: InboxConsumer): InboxConsumer {
  return consumer
    .on(proposalAnswerReads.quotaChanged, async ({ payload }, manager) => {
      if (payload.proposalId === null) return;
      await recordAnswer(manager, { kind: ProposalStepKind.APPLIED, proposalId: payload.proposalId, effectiveDate: payload.effectiveDate, amount: payload.amount });
    })
    .on(proposalAnswerReads.quotaIncreaseRefused, async ({ payload }, manager) => {
      await recordAnswer(manager, { kind: ProposalStepKind.APPLY_FAILED, ...payload });
    });
}

async function recordAnswer(manager: EntityManager, answer: Answer): Promise<void> {
  const proposal = await manager.getRepository(StaffingProposal).findOne({ where: { id: answer.proposalId }, lock: { mode: 'pessimistic_write' } });
  // Only an approved proposal waits for an answer; anything else was answered already.
  if (proposal?.status !== ProposalStatus.APPROVED) return;
  const approval = await approvingDecision(manager, proposal.id);
  const reason = answer.kind === ProposalStepKind.APPLIED ? `Tổ chức đã nâng biên chế lên ${answer.amount} / quota raised to ${answer.amount}` : answer.message;
  const change = { effectiveDate: answer.effectiveDate, reason, decision: decisionRefOf(approval) };
  await writeDatedIn(manager, { actor: ANSWERS, operation: 'applyStaffingProposal', change }, async (write) => {
    const unit = await unitOn(manager, proposal.unitCode, proposal.placedOn);
    aboutProposal(write, proposal, unit).before(proposalSnapshot(proposal));
    const outcome: Partial<StaffingProposal> = answer.kind === ProposalStepKind.APPLIED
      ? { status: ProposalStatus.APPLIED, appliedQuota: answer.amount }
      : { status: ProposalStatus.APPLY_FAILED, outcomeCode: answer.code, outcomeReason: answer.message };
    Object.assign(proposal, outcome);
    await manager.getRepository(StaffingProposal).update({ id: proposal.id }, outcome);
    await appendStep(write, proposal.id, answer.kind, answer.kind === ProposalStepKind.APPLY_FAILED ? answer.message : null);
    write.after(proposalSnapshot(proposal));
  });
}

/** The decision the proposal was approved on: the applied step rests on it. */
async function approvingDecision(manager: EntityManager, proposalId: string): Promise<Decision> {
  return manager.getRepository(Decision).createQueryBuilder('decision')
    .innerJoin('staffing_proposal_step', 'step', 'step.decision_id = decision.id')
    .where('step.proposal_id = :proposalId AND step.step = :step', { proposalId, step: ProposalStepKind.APPROVED })
    .getOneOrFail();
}
