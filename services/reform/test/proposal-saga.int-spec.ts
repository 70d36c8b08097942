import { DEMO_TERRITORY_VERSIONS, REFORM_TOPIC } from '@ps/contracts';
import { organizationService } from '@ps/organization/dist/service';
import { seedDemoTerritory } from '@ps/organization/dist/seed/demo-territory';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, eventually, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { reformService } from '../src/service';
import { draftInput, proposalStep, stepInput } from './proposal.fixtures';

/**
 * The platform's first saga, end to end: reform and organization, each on its own database,
 * talking over the same Kafka topics. A commune's proposal approved by the district raises the
 * quota in organization and ends APPLIED; one above the commune's allocation ends APPLY_FAILED.
 */
const reformEnv = loadEnv(serviceEnvSchema, serviceTestEnv('reform', 'ps_reform_saga_test'));
const organizationEnv = loadEnv(serviceEnvSchema, { ...serviceTestEnv('organization', 'ps_organization_saga_test'), KAFKA_TOPIC_PREFIX: reformEnv.KAFKA_TOPIC_PREFIX });
let reform: RunningService;
let organization: RunningService;
let committeeId: string;

const ask = async <Data>(username: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await graphqlRequest<Data>(organization.url, query, { token: await tokenFor(username), variables });
  expect(response.errors).toBeUndefined();
  return response.data as Data;
};
const quotaOf = async (id: string) =>
  (await ask<{ organizationQuota: { amount: number } | null }>(DEMO_USERS.anLapAdmin, 'query ($id: ID!) { organizationQuota(organizationId: $id, asOf: "2025-12-31") { amount } }', { id })).organizationQuota?.amount;
const statusOf = async (id: string) => {
  const [row]: Array<{ status: string; outcome_code: string | null; outcome_reason: string | null }> = await reform.dataSource.query(
    'SELECT status, outcome_code, outcome_reason FROM staffing_proposal WHERE id = $1', [id]);
  return row;
};

/**
 * An An Lập proposal for the commune's office, drafted, submitted, appraised by the district's
 * home-affairs office and approved by the district; with the moment the approval was answered.
 */
async function approvedProposal(increase: number, day: string): Promise<{ id: string; approvedAt: number }> {
  const positions = [{ jobPosition: 'Công chức Văn phòng – Thống kê', titleCode: 'OFFICE_STATISTICS', count: increase }];
  const step = async (mutation: string, username: string, input: Record<string, unknown>) => {
    const response = await proposalStep(reform.url, mutation, username, input);
    expect(response.errors).toBeUndefined();
    return response.data?.[mutation]?.id as string;
  };
  const id = await step('draftStaffingProposal', DEMO_USERS.anLapOfficer, draftInput(committeeId, { increase, positions, change: changeOn(`2025-03-${day}`, { number: `${day}/ĐA-UBND` }) }));
  await step('submitStaffingProposal', DEMO_USERS.anLapOfficer, stepInput(id, `2025-03-${day}`, `${day}/TTr-UBND`));
  await step('appraiseStaffingProposal', DEMO_USERS.districtHomeAffairs, stepInput(id, `2025-03-${day}`, `${day}/BC-PNV`, 'Phù hợp vị trí việc làm'));
  await step('approveStaffingProposal', DEMO_USERS.districtAdmin, stepInput(id, `2025-03-${day}`, `${day}/QĐ-UBND`));
  return { id, approvedAt: Date.now() };
}

beforeAll(async () => {
  await recreateTestDatabase(organizationEnv.DATABASE_URL);
  await recreateTestDatabase(reformEnv.DATABASE_URL);
  organization = await startService(organizationService, organizationEnv);
  reform = await startService(reformService, reformEnv);
  await seedDemoTerritory(organization.dataSource);
  const units = new Set(DEMO_TERRITORY_VERSIONS.map((unit) => unit.code)).size;
  await eventually(async () => ((await reform.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n >= units ? true : undefined), {
    what: 'the seeded territory projected by reform',
  });
  const created = await ask<{ createOrganization: { id: string } }>(DEMO_USERS.anLapAdmin, 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
    input: { unitCode: '25801', kind: 'DEPARTMENT', name: 'Văn phòng UBND xã An Lập', change: changeOn('2025-01-01', { number: '01/QĐ-UBND' }) },
  });
  committeeId = created.createOrganization.id;
  await ask(DEMO_USERS.provinceAdmin, 'mutation ($change: EffectiveChangeInput!) { setUnitQuota(unitCode: "74", amount: 1000, change: $change) { amount } }', { change: changeOn('2025-01-01', { number: '01/QĐ-TTg' }) });
  await ask(DEMO_USERS.provinceAdmin, 'mutation ($change: EffectiveChangeInput!) { setUnitQuota(unitCode: "720", amount: 100, change: $change) { amount } }', { change: changeOn('2025-01-01', { number: '02/QĐ-UBND' }) });
  await ask(DEMO_USERS.districtAdmin, 'mutation ($change: EffectiveChangeInput!) { setUnitQuota(unitCode: "25801", amount: 20, change: $change) { amount } }', { change: changeOn('2025-01-01', { number: '03/QĐ-UBND' }) });
  await ask(DEMO_USERS.districtAdmin, 'mutation ($id: ID!, $change: EffectiveChangeInput!) { setOrganizationQuota(organizationId: $id, amount: 10, change: $change) { amount } }', {
    id: committeeId, change: changeOn('2025-01-01', { number: '04/QĐ-UBND' }),
  });
});

afterAll(async () => {
  await reform?.stop();
  await organization?.stop();
});

describe('a staffing proposal across reform and organization', () => {
  let applied: string;

  it('raises the commune organization’s quota once the district approves, and shows APPLIED when organization answers', async () => {
    expect(await quotaOf(committeeId)).toBe(10);
    const approval = await approvedProposal(2, '10');
    applied = approval.id;
    await eventually(async () => ((await statusOf(applied)).status === 'APPLIED' ? true : undefined), { what: 'proposal APPLIED' });
    const delay = Date.now() - approval.approvedAt;
    process.stdout.write(`[saga] approval → quota raised in organization → APPLIED in reform: ${delay} ms\n`);
    expect(await quotaOf(committeeId)).toBe(12);
    const [change] = await organization.dataSource.query("SELECT envelope FROM outbox WHERE event_type = 'QuotaChanged' AND envelope->'payload'->>'proposalId' = $1", [applied]);
    expect(change.envelope.payload).toMatchObject({ holderId: committeeId, previousAmount: 10, amount: 12, effectiveDate: '2025-03-10', decision: { number: '10/QĐ-UBND' } });
  });

  it('changes the quota once: a second approval is out of order, and a redelivered approval is a duplicate', async () => {
    const again = await proposalStep(reform.url, 'approveStaffingProposal', DEMO_USERS.districtAdmin, stepInput(applied, '2025-03-11', '11/QĐ-UBND'));
    expect(errorCodes(again)).toEqual(['PROPOSAL_STEP_OUT_OF_ORDER']);
    const approval = (await reform.bus.readAll(REFORM_TOPIC)).find((message) => message.key === applied);
    expect(approval).toBeDefined();
    if (approval) await reform.bus.publish([{ topic: REFORM_TOPIC, key: applied, value: approval.value ?? '' }]);
    // A redelivery adds no inbox row: its handling shows only as the consumer's lag reaching zero.
    await eventually(async () => ((await organization.bus.consumerLag('organization.staffing-proposals', REFORM_TOPIC)) === 0 ? true : undefined), {
      what: 'the redelivered approval consumed',
    });
    const [{ n: received }] = await organization.dataSource.query("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'organization.staffing-proposals'");
    expect(received).toBe(1);
    expect(await quotaOf(committeeId)).toBe(12);
    const [{ n }] = await organization.dataSource.query("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'QuotaChanged' AND envelope->'payload'->>'proposalId' = $1", [applied]);
    expect(n).toBe(1);
  });

  it('ends APPLY_FAILED with organization’s reason when the increase exceeds what the district allocated to the commune', async () => {
    const { id: refused } = await approvedProposal(9, '20');
    const outcome = await eventually(async () => {
      const row = await statusOf(refused);
      return row.status === 'APPLY_FAILED' ? row : undefined;
    }, { what: 'proposal APPLY_FAILED' });
    expect(outcome.outcome_code).toBe('QUOTA_EXCEEDED');
    expect(outcome.outcome_reason).toContain('Vượt chỉ tiêu biên chế được giao');
    expect(outcome.outcome_reason).toContain('Xã An Lập (25801) được giao 20');
    expect(await quotaOf(committeeId)).toBe(12);
  });
});
