import { randomUUID } from 'node:crypto';
import { ORGANIZATION_TOPIC, StaffingProposalApproved } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, eventually, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

/** Organization's side of the staffing proposal saga: approvals in, quota changes or refusals out. */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_quota_proposal_test'));
let service: RunningService;
const committee = randomUUID();
const districtOffice = randomUUID();

const district = { userId: 'u-720', username: DEMO_USERS.districtAdmin, role: 'district-admin', unitCode: '720', tier: 'DISTRICT' as const };
const approval = (overrides: Record<string, unknown> = {}) => ({
  proposalId: randomUUID(), unitCode: '25801', organizationId: committee, increase: 2, approvedBy: district,
  effectiveDate: '2025-03-01', reason: 'Phê duyệt đề án', decision: { number: '15/QĐ-UBND', date: '2025-02-20', signer: 'Chủ tịch UBND huyện' }, ...overrides,
});

/** Delivers the approval and waits for organization's answer naming the proposal. */
async function answerTo(payload: ReturnType<typeof approval>) {
  await service.bus.publish([eventMessage(StaffingProposalApproved, payload, { aggregateId: payload.proposalId, actor: payload.approvedBy.userId })]);
  const message = await eventually(async () => (await service.bus.readAll(ORGANIZATION_TOPIC)).find((m) => JSON.parse(m.value ?? '{}').payload?.proposalId === payload.proposalId), {
    what: 'organization’s answer',
  });
  return JSON.parse(message.value ?? '{}') as { type: string; payload: Record<string, unknown> };
}

const quotaOf = async (id: string) => {
  const response = await graphqlRequest<{ organizationQuota: { amount: number } | null }>(service.url, 'query ($id: ID!) { organizationQuota(organizationId: $id, asOf: "2025-12-31") { amount } }', {
    token: await tokenFor(DEMO_USERS.districtAdmin), variables: { id },
  });
  return response.data?.organizationQuota?.amount;
};

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  for (const [id, unitCode, name] of [[committee, '25801', 'Văn phòng UBND xã An Lập'], [districtOffice, '720', 'Văn phòng UBND huyện']]) {
    await service.dataSource.query(
      `INSERT INTO organization (id, unit_code, parent_id, kind, base, name, search_name, valid_from, reason, created_by)
       VALUES ($1, $2, NULL, 'DEPARTMENT', 'UNIT', $3, lower($3), '1999-01-01', 'Dữ liệu thử / test data', 'system:test')`,
      [id, unitCode, name],
    );
  }
  const set = (holder: string, amount: number) =>
    service.dataSource.query(`INSERT INTO staffing_quota (holder_kind, holder_id, amount, valid_from, reason, created_by) VALUES ($1, $2, $3, '2025-01-01', 'Dữ liệu thử', 'system:test')`, [
      holder.includes('-') ? 'ORGANIZATION' : 'UNIT', holder, amount,
    ]);
  await set('25801', 20);
  await set(committee, 10);
});

afterAll(() => service?.stop());

describe('an approved staffing proposal at organization', () => {
  it('raises the organization’s quota from the approval’s date and answers QuotaChanged naming the proposal, once for a redelivery', async () => {
    const payload = approval();
    const message = eventMessage(StaffingProposalApproved, payload, { aggregateId: payload.proposalId });
    await service.bus.publish([message, message]);
    const answer = await eventually(async () => (await service.bus.readAll(ORGANIZATION_TOPIC)).find((m) => JSON.parse(m.value ?? '{}').payload?.proposalId === payload.proposalId), { what: 'QuotaChanged' });
    expect(JSON.parse(answer.value ?? '{}')).toMatchObject({
      type: 'QuotaChanged', payload: { holderId: committee, previousAmount: 10, amount: 12, effectiveDate: '2025-03-01', decision: { number: '15/QĐ-UBND' }, proposalId: payload.proposalId },
    });
    await eventually(async () => ((await service.bus.consumerLag('organization.staffing-proposals', message.topic)) === 0 ? true : undefined), { what: 'both deliveries consumed' });
    expect(await quotaOf(committee)).toBe(12);
    const [audit] = await service.dataSource.query("SELECT operation, username FROM audit_log WHERE operation = 'raiseQuotaForProposal'");
    expect(audit).toEqual({ operation: 'raiseQuotaForProposal', username: DEMO_USERS.districtAdmin });
  });

  it.each([
    ['an increase above what the commune holds unallocated', { increase: 9 }, 'QUOTA_EXCEEDED', /Xã An Lập \(25801\) được giao 20/],
    ['an organization of another unit', { organizationId: districtOffice }, 'BAD_USER_INPUT', /không thuộc đơn vị lập đề án 25801/],
    ['an approver of the commune’s own tier', { approvedBy: { ...district, unitCode: '25801', tier: 'COMMUNE', role: 'commune-admin' } }, 'FORBIDDEN', /đề án được cấp có thẩm quyền phê duyệt/],
    ['an approver outside the territory', { approvedBy: { ...district, unitCode: '79', tier: 'PROVINCE', role: 'province-admin' } }, 'FORBIDDEN', / \/ /],
    ['an organization organization does not know', { organizationId: randomUUID() }, 'NOT_FOUND', / \/ /],
  ])('refuses %s with QuotaIncreaseRefused and changes nothing', async (_case, overrides, code, message) => {
    const answer = await answerTo(approval(overrides));
    expect(answer.type).toBe('QuotaIncreaseRefused');
    expect(answer.payload.code).toBe(code);
    expect(answer.payload.message).toMatch(message);
    expect(await quotaOf(committee)).toBe(12);
  });
});
