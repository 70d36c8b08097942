import { randomUUID } from 'node:crypto';
import { demoTerritoryAnnouncements, QuotaChanged, QuotaIncreaseRefused, REFORM_TOPIC } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, eventually, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, WRITE_TRAIL_TABLES } from '@ps/testing';
import { reformService } from '../src/service';
import { draftInput, inbox, proposalsOf, proposalStep, stepInput, type ProposalRead } from './proposal.fixtures';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('reform', 'ps_reform_proposal_test'));
let service: RunningService;

const written = () => rowCounts((sql) => service.dataSource.query(sql), ['staffing_proposal', 'staffing_proposal_step', ...WRITE_TRAIL_TABLES]);
const step = (mutation: string, username: string, input: Record<string, unknown>) => proposalStep(service.url, mutation, username, input);
const proposalOf = (response: Awaited<ReturnType<typeof step>>, mutation: string): ProposalRead => {
  expect(response.errors).toBeUndefined();
  return response.data?.[mutation] as ProposalRead;
};

/** Refused, with the code (and reason), and nothing written: no proposal, step, decision, audit row or event. */
async function expectRefused(request: () => ReturnType<typeof step>, code: string, reason?: string) {
  const before = await written();
  const response = await request();
  expect(errorCodes(response)).toEqual([code]);
  expect(response.errors?.[0].message).toMatch(/ \/ /);
  if (reason) expect(response.errors?.[0].extensions?.details).toMatchObject({ reason });
  expect(await written()).toEqual(before);
}

/** A proposal of An Lập taken through drafting, submission and appraisal by the district's organization board. */
async function appraised(organizationId: string = randomUUID(), increase = 2): Promise<string> {
  const positions = [{ jobPosition: 'Chuyên viên', titleCode: 'OFFICE_STATISTICS', count: increase }];
  const { id } = proposalOf(await step('draftStaffingProposal', DEMO_USERS.anLapOfficer, draftInput(organizationId, { increase, positions })), 'draftStaffingProposal');
  proposalOf(await step('submitStaffingProposal', DEMO_USERS.anLapOfficer, stepInput(id, '2025-02-05', '05/TTr-UBND')), 'submitStaffingProposal');
  proposalOf(await step('appraiseStaffingProposal', DEMO_USERS.districtOrganizationBoard, stepInput(id, '2025-02-10', '10/BC-BTC', 'Đủ căn cứ')), 'appraiseStaffingProposal');
  return id;
}

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(reformService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
});

afterAll(() => service?.stop());

describe('a staffing proposal, step by step', () => {
  const organizationId = randomUUID();
  let id: string;

  it('is drafted by the commune, with one step, one decision, one audit row and no event', async () => {
    const before = await written();
    const drafted = proposalOf(await step('draftStaffingProposal', DEMO_USERS.anLapOfficer, draftInput(organizationId)), 'draftStaffingProposal');
    id = drafted.id;
    expect(drafted).toMatchObject({ status: 'DRAFT', increase: 2, steps: [{ step: 'DRAFTED', effectiveDate: '2025-02-01', actor: DEMO_USERS.anLapOfficer }] });
    expect(await written()).toEqual({
      ...before, staffing_proposal: before.staffing_proposal + 1, staffing_proposal_step: before.staffing_proposal_step + 1,
      decision: before.decision + 1, audit_log: before.audit_log + 1,
    });
  });

  it('is submitted by the commune and appraised by the district’s organization board, not by the commune nor a district officer outside it', async () => {
    proposalOf(await step('submitStaffingProposal', DEMO_USERS.anLapOfficer, stepInput(id, '2025-02-05', '05/TTr-UBND')), 'submitStaffingProposal');
    expect(await inbox(service.url, DEMO_USERS.districtOrganizationBoard, 'APPRAISAL')).toEqual([id]);
    expect(await inbox(service.url, DEMO_USERS.districtOfficer, 'APPRAISAL')).toEqual([]);
    expect(await inbox(service.url, DEMO_USERS.anLapOfficer, 'APPRAISAL')).toEqual([]);
    await expectRefused(() => step('appraiseStaffingProposal', DEMO_USERS.districtOfficer, stepInput(id, '2025-02-10', '10/BC-BTC', 'Đồng ý')), 'FORBIDDEN', 'NOT_ORGANIZATION_BODY');
    await expectRefused(() => step('appraiseStaffingProposal', DEMO_USERS.districtOrganizationBoard, stepInput(id, '2025-02-10', '10/BC-BTC', ' ')), 'BAD_USER_INPUT');
    await expectRefused(() => step('approveStaffingProposal', DEMO_USERS.districtAdmin, stepInput(id, '2025-02-10', '11/QĐ-UBND')), 'PROPOSAL_STEP_OUT_OF_ORDER');
    const opinion = 'Đủ căn cứ khối lượng công việc';
    const appraisal = proposalOf(await step('appraiseStaffingProposal', DEMO_USERS.districtOrganizationBoard, stepInput(id, '2025-02-10', '10/BC-BTC', opinion)), 'appraiseStaffingProposal');
    expect(appraisal).toMatchObject({ status: 'APPRAISED', appraisalOpinion: opinion });
    expect(await inbox(service.url, DEMO_USERS.districtOrganizationBoard, 'APPRAISAL')).toEqual([]);
  });

  it('refuses the commune approving its own proposal with FORBIDDEN OWN_PROPOSAL, and a step dated before the last', async () => {
    expect(await inbox(service.url, DEMO_USERS.anLapAdmin, 'APPROVAL')).toEqual([]);
    await expectRefused(() => step('approveStaffingProposal', DEMO_USERS.anLapAdmin, stepInput(id, '2025-02-15', '15/QĐ-UBND')), 'FORBIDDEN', 'OWN_PROPOSAL');
    await expectRefused(() => step('approveStaffingProposal', DEMO_USERS.districtAdmin, stepInput(id, '2025-02-09', '15/QĐ-UBND')), 'BAD_USER_INPUT', 'STEP_BEFORE_PREVIOUS');
    await expectRefused(() => step('approveStaffingProposal', DEMO_USERS.dinhAnAdmin, stepInput(id, '2025-02-15', '15/QĐ-UBND')), 'NOT_FOUND');
  });

  it('is approved by the district on a decision, emitting StaffingProposalApproved keyed by the proposal; a second approval is out of order', async () => {
    expect(await inbox(service.url, DEMO_USERS.districtAdmin, 'APPROVAL')).toEqual([id]);
    const approved = proposalOf(await step('approveStaffingProposal', DEMO_USERS.districtAdmin, stepInput(id, '2025-02-15', '15/QĐ-UBND')), 'approveStaffingProposal');
    expect(approved).toMatchObject({ status: 'APPROVED', decisionRef: '15/QĐ-UBND' });
    expect(approved.steps.map((taken) => taken.step)).toEqual(['DRAFTED', 'SUBMITTED', 'APPRAISED', 'APPROVED']);
    const message = await eventually(async () => (await service.bus.readAll(REFORM_TOPIC)).find((m) => m.key === id), { what: 'StaffingProposalApproved on Kafka' });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      type: 'StaffingProposalApproved',
      payload: { proposalId: id, unitCode: '25801', organizationId, increase: 2, effectiveDate: '2025-02-15', decision: { number: '15/QĐ-UBND' }, approvedBy: { tier: 'DISTRICT', unitCode: '720' } },
    });
    await expectRefused(() => step('approveStaffingProposal', DEMO_USERS.districtAdmin, stepInput(id, '2025-02-16', '16/QĐ-UBND')), 'PROPOSAL_STEP_OUT_OF_ORDER');
    expect(await inbox(service.url, DEMO_USERS.districtAdmin, 'APPROVAL')).toEqual([]);
  });

  it('shows APPLIED only when organization’s QuotaChanged naming it arrives, once however often it is delivered', async () => {
    const answer = eventMessage(QuotaChanged, {
      holderKind: 'ORGANIZATION', holderId: organizationId, unitCode: '25801', previousAmount: 5, amount: 7, effectiveDate: '2025-02-15',
      reason: 'Đề án', decision: { number: '15/QĐ-UBND', date: '2025-01-02', signer: 'Nguyễn Văn Chủ tịch' }, ended: false, proposalId: id,
    }, { aggregateId: `ORGANIZATION:${organizationId}` });
    await service.bus.publish([answer, answer]);
    const applied = await eventually(async () => {
      const rows: Array<{ status: string; applied_quota: number }> = await service.dataSource.query('SELECT status, applied_quota FROM staffing_proposal WHERE id = $1', [id]);
      return rows[0]?.status === 'APPLIED' ? rows[0] : undefined;
    }, { what: 'proposal applied' });
    expect(applied.applied_quota).toBe(7);
    const steps = await service.dataSource.query("SELECT count(*)::int AS n FROM staffing_proposal_step WHERE proposal_id = $1 AND step = 'APPLIED'", [id]);
    expect(steps[0].n).toBe(1);
  });
});

describe('refusals and ends', () => {
  it.each([
    ['a blank title', DEMO_USERS.anLapOfficer, { title: ' ' }, 'BAD_USER_INPUT', undefined],
    ['positions that do not add up to the increase', DEMO_USERS.anLapOfficer, { increase: 3 }, 'BAD_USER_INPUT', 'POSITIONS_DO_NOT_ADD_UP'],
    ['an organization id that is no id', DEMO_USERS.anLapOfficer, { organizationId: 'UBND' }, 'BAD_USER_INPUT', 'ID_SHAPE'],
    ['a viewer', DEMO_USERS.districtViewer, {}, 'FORBIDDEN', undefined],
    ['another commune', DEMO_USERS.anLapOfficer, { unitCode: '25789' }, 'FORBIDDEN', undefined],
    ['the district drafting for the commune', DEMO_USERS.districtOfficer, {}, 'FORBIDDEN', 'NOT_PROPOSING_UNIT'],
    ['a unit that does not exist', DEMO_USERS.anLapOfficer, { unitCode: '99999' }, 'NOT_FOUND', undefined],
  ])('refuses a draft with %s and writes nothing', async (_case, username, overrides, code, reason) => {
    await expectRefused(() => step('draftStaffingProposal', username, draftInput(randomUUID(), overrides)), code, reason);
  });

  it('rejects with a reason and the decision, and withdraws with a reason', async () => {
    const rejectedId = await appraised();
    await expectRefused(() => step('rejectStaffingProposal', DEMO_USERS.districtAdmin, stepInput(rejectedId, '2025-03-01', '20/QĐ-UBND')), 'BAD_USER_INPUT');
    const rejected = proposalOf(await step('rejectStaffingProposal', DEMO_USERS.districtAdmin, stepInput(rejectedId, '2025-03-01', '20/QĐ-UBND', 'Chưa đủ vị trí việc làm')), 'rejectStaffingProposal');
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionRef: '20/QĐ-UBND', outcomeReason: 'Chưa đủ vị trí việc làm' });
    const withdrawnId = await appraised();
    const withdrawn = proposalOf(await step('withdrawStaffingProposal', DEMO_USERS.anLapOfficer, stepInput(withdrawnId, '2025-03-01', '21/CV-UBND', 'Đã điều chuyển nội bộ')), 'withdrawStaffingProposal');
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', outcomeReason: 'Đã điều chuyển nội bộ' });
    await expectRefused(() => step('approveStaffingProposal', DEMO_USERS.districtAdmin, stepInput(withdrawnId, '2025-03-02', '22/QĐ-UBND')), 'PROPOSAL_STEP_OUT_OF_ORDER');
  });

  it('shows APPLY_FAILED with organization’s reason when the refusal arrives', async () => {
    const organizationId = randomUUID();
    const id = await appraised(organizationId, 40);
    proposalOf(await step('approveStaffingProposal', DEMO_USERS.districtAdmin, stepInput(id, '2025-03-05', '25/QĐ-UBND')), 'approveStaffingProposal');
    const message = 'Vượt chỉ tiêu biên chế được giao / Exceeds the staffing quota';
    await service.bus.publish([eventMessage(QuotaIncreaseRefused, {
      proposalId: id, organizationId, unitCode: '25801', increase: 40, effectiveDate: '2025-03-05', code: 'QUOTA_EXCEEDED', message,
    }, { aggregateId: id })]);
    const failed = await eventually(async () => {
      const rows: Array<{ status: string; outcome_code: string; outcome_reason: string }> = await service.dataSource.query('SELECT status, outcome_code, outcome_reason FROM staffing_proposal WHERE id = $1', [id]);
      return rows[0]?.status === 'APPLY_FAILED' ? rows[0] : undefined;
    }, { what: 'proposal failed' });
    expect(failed).toEqual({ status: 'APPLY_FAILED', outcome_code: 'QUOTA_EXCEEDED', outcome_reason: message });
  });
});

describe('proposals on units and organizations', () => {
  it('lists them batched, cut to the territory in the SQL', async () => {
    const organizationId = randomUUID();
    const id = proposalOf(await step('draftStaffingProposal', DEMO_USERS.anLapOfficer, draftInput(organizationId, { change: changeOn('2025-04-01', { number: '30/ĐA-UBND' }) })), 'draftStaffingProposal').id;
    const units = [{ code: '25801' }, { code: '25789' }];
    const ofUnits = await proposalsOf(service.url, DEMO_USERS.districtAdmin, 'AdministrativeUnit', units);
    expect(ofUnits?.[0]).toContain(id);
    expect(ofUnits?.[1]).toEqual([]);
    expect(await proposalsOf(service.url, DEMO_USERS.dinhAnAdmin, 'AdministrativeUnit', units)).toEqual([[], []]);
    expect(await proposalsOf(service.url, DEMO_USERS.anLapAdmin, 'Organization', [{ id: organizationId }, { id: randomUUID() }])).toEqual([[id], []]);
    expect(await proposalsOf(service.url, DEMO_USERS.dinhAnAdmin, 'Organization', [{ id: organizationId }])).toEqual([[]]);
  });
});
