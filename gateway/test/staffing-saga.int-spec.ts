import { errorCodes, type StartedProcess } from '@ps/testing';
import { everyServiceProjectedTheTerritory, startPlatform, stopPlatform } from './platform';
import {
  approvalsReceivedFor,
  APPROVER,
  approve,
  appraisedProposal,
  COMMUNE,
  proposalStep,
  proposalView,
  quotaChangesFor,
  quotaOf,
  quotaReaches,
  quotaVersions,
  report,
  settled,
  THANH_AN,
  thanhAnOfficeWithQuota,
} from './staffing-saga';

/**
 * The staffing-proposal saga on the whole platform, as separate processes, every call through
 * the gateway with real logins: a commune's proposal approved by the tier above (the city, since
 * the districts ceased) raises the commune office's quota in organization and shows APPLIED in
 * reform; a refused one shows organization's reason. Delays are measured and printed, never asserted.
 */
let platform: StartedProcess[] = [];
let office: string;

beforeAll(async () => {
  platform = await startPlatform();
  // The saga needs reform's copy of the territory; the other services keep projecting meanwhile.
  await everyServiceProjectedTheTerritory(['reform'], 600_000);
  office = await thanhAnOfficeWithQuota();
}, 900_000);

afterAll(() => stopPlatform(platform));

describe('a staffing proposal through the gateway', () => {
  it('raises the commune office’s quota once the city approves, visible through the gateway, and shows APPLIED', async () => {
    expect(await quotaOf(office)).toBe(10);
    const id = await appraisedProposal(office, 2, '2026-03-10');
    const approvedAt = await approve(id, '2026-03-10');
    const visibleMs = await quotaReaches(office, 12, approvedAt);
    const { view, delayMs } = await settled(id, approvedAt);
    report(`approval → quota 10 → 12 visible through the gateway: ${visibleMs} ms`);
    report(`approval → proposal APPLIED through the gateway: ${delayMs} ms`);
    expect(view).toEqual({ status: 'APPLIED', outcomeCode: null, outcomeReason: null, appliedQuota: 12 });
    expect(await quotaChangesFor(id)).toBe(1);
    expect((await quotaVersions(office)).map((version) => version.amount)).toEqual([10, 12]);
  }, 300_000);

  it('refuses the commune approving its own proposal with FORBIDDEN OWN_PROPOSAL, and changes nothing', async () => {
    const id = await appraisedProposal(office, 1, '2026-03-15');
    const own = await proposalStep('approveStaffingProposal', COMMUNE, id, '2026-03-15', '15/QĐ-UBND');
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(own.errors?.[0].extensions?.details).toMatchObject({ reason: 'OWN_PROPOSAL', unitCode: THANH_AN, callerUnitCode: THANH_AN });
    expect(own.errors?.[0].message).toContain(`Đơn vị ${THANH_AN} không tự phê duyệt, thẩm định đề án của mình`);
    expect((await proposalView(id)).status).toBe('APPRAISED');
    expect(await quotaOf(office)).toBe(12);
    expect(await quotaChangesFor(id)).toBe(0);
  }, 300_000);

  it('changes the quota once when the city approves twice, at the same moment and again after APPLIED', async () => {
    const id = await appraisedProposal(office, 1, '2026-03-20');
    const versionsBefore = (await quotaVersions(office)).length;
    const approvals = await Promise.all([1, 2].map(() => proposalStep('approveStaffingProposal', APPROVER, id, '2026-03-20', '20/QĐ-UBND')));
    const approvedAt = Date.now();
    const answers = approvals.map((answer) => answer.data?.step.status ?? errorCodes(answer).join());
    expect(answers.sort()).toEqual(['APPROVED', 'PROPOSAL_STEP_OUT_OF_ORDER']);
    const { view, delayMs } = await settled(id, approvedAt);
    report(`concurrent approvals → proposal APPLIED: ${delayMs} ms`);
    expect(view).toMatchObject({ status: 'APPLIED', appliedQuota: 13 });
    const again = await proposalStep('approveStaffingProposal', APPROVER, id, '2026-03-21', '21/QĐ-UBND');
    expect(errorCodes(again)).toEqual(['PROPOSAL_STEP_OUT_OF_ORDER']);
    expect(again.errors?.[0].extensions?.details).toMatchObject({ status: 'APPLIED', expected: ['APPRAISED'] });
    expect(await quotaOf(office)).toBe(13);
    expect((await quotaVersions(office)).length).toBe(versionsBefore + 1);
    expect(await quotaChangesFor(id)).toBe(1);
    expect(await approvalsReceivedFor(id)).toBe(1);
  }, 300_000);

  it('ends APPLY_FAILED with organization’s reason when the increase exceeds what the city allocated to the commune', async () => {
    // The commune holds 20; its office 13: eight more would allocate 21.
    const id = await appraisedProposal(office, 8, '2026-03-25');
    const approvedAt = await approve(id, '2026-03-25');
    const { view, delayMs } = await settled(id, approvedAt);
    report(`approval above the commune's allocation → APPLY_FAILED through the gateway: ${delayMs} ms`);
    expect(view).toMatchObject({ status: 'APPLY_FAILED', outcomeCode: 'QUOTA_EXCEEDED', appliedQuota: null });
    expect(view.outcomeReason).toContain('Vượt chỉ tiêu biên chế được giao');
    expect(view.outcomeReason).toContain(`Xã Thanh An (${THANH_AN}) được giao 20`);
    expect(await quotaOf(office)).toBe(13);
    expect(await quotaChangesFor(id)).toBe(0);
    expect(await approvalsReceivedFor(id)).toBe(1);
  }, 300_000);
});
