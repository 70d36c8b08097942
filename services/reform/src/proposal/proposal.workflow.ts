import { isHigherTier, TIERS, type Principal, type Tier } from '@ps/auth';
import { NotCompetentError, ProposalInputError, ProposalStepOutOfOrderError } from './proposal.errors';
import { ProposalStatus, ProposalStepKind } from './proposal.kinds';

/** The statuses each step may follow and the status it leaves. */
const TRANSITIONS: Partial<Record<ProposalStepKind, { from: readonly ProposalStatus[]; to: ProposalStatus }>> = {
  [ProposalStepKind.SUBMITTED]: { from: [ProposalStatus.DRAFT], to: ProposalStatus.SUBMITTED },
  [ProposalStepKind.APPRAISED]: { from: [ProposalStatus.SUBMITTED], to: ProposalStatus.APPRAISED },
  [ProposalStepKind.APPROVED]: { from: [ProposalStatus.APPRAISED], to: ProposalStatus.APPROVED },
  [ProposalStepKind.REJECTED]: { from: [ProposalStatus.SUBMITTED, ProposalStatus.APPRAISED], to: ProposalStatus.REJECTED },
  [ProposalStepKind.WITHDRAWN]: { from: [ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.APPRAISED], to: ProposalStatus.WITHDRAWN },
  [ProposalStepKind.APPLIED]: { from: [ProposalStatus.APPROVED], to: ProposalStatus.APPLIED },
  [ProposalStepKind.APPLY_FAILED]: { from: [ProposalStatus.APPROVED], to: ProposalStatus.APPLY_FAILED },
};

/** The status the step leaves the proposal at, or PROPOSAL_STEP_OUT_OF_ORDER saying where it stands. */
export function nextStatus(proposal: { id: string; status: ProposalStatus }, step: ProposalStepKind): ProposalStatus {
  const transition = TRANSITIONS[step];
  if (!transition) return proposal.status;
  if (transition.from.includes(proposal.status)) return transition.to;
  throw new ProposalStepOutOfOrderError(proposal.id, step, proposal.status, transition.from);
}

/** A proposal's unit as the rules see it: its code and tier (a hamlet's tier is none of the access tiers). */
export interface ProposingUnit {
  code: string;
  tier: string;
}

const isAccessTier = (tier: string): tier is Tier => (TIERS as readonly string[]).includes(tier);

function refuse(reason: ConstructorParameters<typeof NotCompetentError>[0], caller: Principal, unit: ProposingUnit): never {
  throw new NotCompetentError(reason, { unitCode: unit.code, unitTier: unit.tier, callerTier: caller.tier, callerUnitCode: caller.unitCode });
}

/** The proposing unit's own officers draft, submit and withdraw its proposals. */
export function requireProposingUnit(caller: Principal, unit: ProposingUnit): void {
  if (caller.unitCode !== unit.code) refuse('NOT_PROPOSING_UNIT', caller, unit);
}

/** The tier that appraises and decides: strictly above the proposing unit, never the unit itself. */
function requireTierAbove(caller: Principal, unit: ProposingUnit): void {
  if (caller.unitCode === unit.code) refuse('OWN_PROPOSAL', caller, unit);
  if (!isAccessTier(unit.tier) || !isHigherTier(caller.tier, unit.tier)) refuse('TIER_NOT_ABOVE', caller, unit);
}

/** Appraisal (thẩm định): the organization board or home-affairs office of a tier above. */
export function requireAppraiser(caller: Principal, unit: ProposingUnit): void {
  requireTierAbove(caller, unit);
  if (caller.body === null) refuse('NOT_ORGANIZATION_BODY', caller, unit);
}

/** Approval or rejection (phê duyệt): an admin of a strictly higher tier (the capability is checked before). */
export function requireApprover(caller: Principal, unit: ProposingUnit): void {
  requireTierAbove(caller, unit);
}

/** A position line as drafted. */
export interface PositionLine {
  jobPosition: string;
  titleCode: string;
  count: number;
}

/**
 * The positions must justify the increase: each line names a job position and a title and asks
 * for at least one, and together they ask for exactly the increase requested.
 */
export function checkPositions(increase: number, positions: readonly PositionLine[]): PositionLine[] {
  if (!Number.isInteger(increase) || increase < 1 || increase > 10_000) {
    throw new ProposalInputError('Số biên chế xin tăng phải là số nguyên từ 1 đến 10.000', 'The increase must be an integer from 1 to 10,000', { reason: 'INCREASE_OUT_OF_RANGE', increase });
  }
  const lines = positions.map((line) => ({ jobPosition: line.jobPosition.trim(), titleCode: line.titleCode.trim(), count: line.count }));
  if (lines.length === 0 || lines.some((line) => !line.jobPosition || !line.titleCode || !Number.isInteger(line.count) || line.count < 1)) {
    throw new ProposalInputError(
      'Mỗi vị trí việc làm phải có tên, mã chức danh và số biên chế từ 1',
      'Each position needs a job position, a title code and a headcount of at least 1',
      { reason: 'POSITION_INCOMPLETE' },
    );
  }
  const total = lines.reduce((sum, line) => sum + line.count, 0);
  if (total !== increase) {
    throw new ProposalInputError(
      `Tổng biên chế theo vị trí việc làm (${total}) khác số xin tăng (${increase})`,
      `The positions add up to ${total}, not the ${increase} requested`,
      { reason: 'POSITIONS_DO_NOT_ADD_UP', total, increase },
    );
  }
  return lines;
}
