import type { Principal } from '@ps/auth';
import { ProposalStatus, ProposalStepKind } from './proposal.kinds';
import { checkPositions, nextStatus, requireApprover, requireAppraiser, requireProposingUnit } from './proposal.workflow';

const caller = (tier: Principal['tier'], unitCode: string, body: Principal['body'] = null): Principal => ({
  userId: 'u', username: 'u', role: `${tier.toLowerCase()}-admin`, unitCode, tier, capability: 'admin', roles: [], body,
});
const commune = { code: '25801', tier: 'COMMUNE' };
const reasonOf = (check: () => void) => {
  try {
    check();
    return null;
  } catch (error) {
    return { code: (error as { extensions?: { code?: string } }).extensions?.code, reason: (error as { extensions?: { details?: { reason?: string } } }).extensions?.details?.reason };
  }
};

describe('the proposal workflow', () => {
  it.each([
    [ProposalStatus.DRAFT, ProposalStepKind.SUBMITTED, ProposalStatus.SUBMITTED],
    [ProposalStatus.SUBMITTED, ProposalStepKind.APPRAISED, ProposalStatus.APPRAISED],
    [ProposalStatus.APPRAISED, ProposalStepKind.APPROVED, ProposalStatus.APPROVED],
    [ProposalStatus.APPRAISED, ProposalStepKind.REJECTED, ProposalStatus.REJECTED],
    [ProposalStatus.SUBMITTED, ProposalStepKind.WITHDRAWN, ProposalStatus.WITHDRAWN],
    [ProposalStatus.APPROVED, ProposalStepKind.APPLIED, ProposalStatus.APPLIED],
    [ProposalStatus.APPROVED, ProposalStepKind.APPLY_FAILED, ProposalStatus.APPLY_FAILED],
  ])('from %s, %s leaves %s', (status, step, next) => {
    expect(nextStatus({ id: 'p', status }, step)).toBe(next);
  });

  it.each([
    [ProposalStatus.APPROVED, ProposalStepKind.APPROVED],
    [ProposalStatus.APPLIED, ProposalStepKind.APPROVED],
    [ProposalStatus.SUBMITTED, ProposalStepKind.APPROVED],
    [ProposalStatus.DRAFT, ProposalStepKind.APPRAISED],
    [ProposalStatus.APPROVED, ProposalStepKind.WITHDRAWN],
    [ProposalStatus.APPLIED, ProposalStepKind.APPLY_FAILED],
  ])('from %s refuses %s as a step out of order', (status, step) => {
    expect(reasonOf(() => nextStatus({ id: 'p', status }, step))?.code).toBe('PROPOSAL_STEP_OUT_OF_ORDER');
  });
});

describe('who takes the steps', () => {
  it('lets only the proposing unit submit and withdraw', () => {
    expect(reasonOf(() => requireProposingUnit(caller('COMMUNE', '25801'), commune))).toBeNull();
    expect(reasonOf(() => requireProposingUnit(caller('DISTRICT', '720'), commune))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_PROPOSING_UNIT' });
  });

  it('has the organization body of a tier above appraise', () => {
    expect(reasonOf(() => requireAppraiser(caller('DISTRICT', '720', 'ORGANIZATION_BOARD'), commune))).toBeNull();
    expect(reasonOf(() => requireAppraiser(caller('PROVINCE', '74', 'HOME_AFFAIRS'), commune))).toBeNull();
    expect(reasonOf(() => requireAppraiser(caller('DISTRICT', '720'), commune))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_ORGANIZATION_BODY' });
    expect(reasonOf(() => requireAppraiser(caller('COMMUNE', '25801', 'HOME_AFFAIRS'), commune))).toEqual({ code: 'FORBIDDEN', reason: 'OWN_PROPOSAL' });
  });

  it('has a strictly higher tier approve, never the proposing unit nor a peer', () => {
    expect(reasonOf(() => requireApprover(caller('DISTRICT', '720'), commune))).toBeNull();
    expect(reasonOf(() => requireApprover(caller('COMMUNE', '25801'), commune))).toEqual({ code: 'FORBIDDEN', reason: 'OWN_PROPOSAL' });
    expect(reasonOf(() => requireApprover(caller('COMMUNE', '25789'), commune))).toEqual({ code: 'FORBIDDEN', reason: 'TIER_NOT_ABOVE' });
    expect(reasonOf(() => requireApprover(caller('PROVINCE', '74'), { code: '74_01', tier: 'HAMLET' }))).toEqual({ code: 'FORBIDDEN', reason: 'TIER_NOT_ABOVE' });
  });
});

describe('the positions of a proposal', () => {
  const line = { jobPosition: 'Chuyên viên địa chính', titleCode: 'LAND_CONSTRUCTION', count: 2 };

  it('add up to the increase, trimmed', () => {
    expect(checkPositions(3, [{ ...line, jobPosition: ' Chuyên viên địa chính ' }, { ...line, count: 1 }])).toEqual([line, { ...line, count: 1 }]);
  });

  it.each([
    ['no position', 1, [], 'POSITION_INCOMPLETE'],
    ['a blank job position', 2, [{ ...line, jobPosition: ' ' }], 'POSITION_INCOMPLETE'],
    ['a line asking for none', 2, [line, { ...line, count: 0 }], 'POSITION_INCOMPLETE'],
    ['positions that do not add up', 3, [line], 'POSITIONS_DO_NOT_ADD_UP'],
    ['no increase', 0, [line], 'INCREASE_OUT_OF_RANGE'],
  ])('refuses %s', (_case, increase, positions, reason) => {
    expect(reasonOf(() => checkPositions(increase, positions))).toEqual({ code: 'BAD_USER_INPUT', reason });
  });
});
