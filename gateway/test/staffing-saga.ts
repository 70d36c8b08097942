import { changeOn, DEMO_USERS, eventually, graphqlRequest, queryDatabase, tokenFor, type GraphQLResponse } from '@ps/testing';
import { databaseOf, gatewayUrl } from './platform';

/**
 * The staffing-proposal saga as a user sees it, every call through the gateway: Xã Thanh An's
 * office (an organization of the commune) under quotas set from the city down, proposals taken
 * to the city's approval, and what organization and reform then show. On the platform's seeded
 * territory the districts ceased on 1 July 2025 (their accounts read history only): the tier
 * above a commune is now the city, Thành phố Hồ Chí Minh.
 */
export const THANH_AN = '25807';
const CITY = '79';
/** Who takes each step: the commune drafts, the city's home-affairs office appraises, the city approves. */
export const COMMUNE = DEMO_USERS.thanhAnAdmin;
const APPRAISER = DEMO_USERS.hcmcHomeAffairs;
export const APPROVER = DEMO_USERS.hcmcAdmin;
/** The date quotas are read on: after every change the tests date (all in 2026). */
const AS_OF = '2026-11-30';

/** What the saga tests read of a proposal. */
export interface ProposalView {
  status: string;
  outcomeCode: string | null;
  outcomeReason: string | null;
  appliedQuota: number | null;
}

/** A proposal step's mutation, its answer aliased `step` whichever step it is. */
const stepMutation = (mutation: string) => `mutation ($input: ProposalStepInput!) { step: ${mutation}(input: $input) { id status } }`;

/** One operation through the gateway as `username` (a real Keycloak login); the caller checks the answer. */
export async function gateway<Data>(username: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<Data>> {
  return graphqlRequest<Data>(gatewayUrl, query, { token: await tokenFor(username), variables });
}

/** Asks the gateway and expects an answer without errors. */
export async function ask<Data>(username: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await gateway<Data>(username, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as Data;
}

/**
 * Creates Thanh An's office and the quotas the saga runs under: the city 100000 (the centre's
 * allocation, recorded by the city), the commune 20, the office 10 (all from 2026-01-01).
 * Returns the office's id.
 */
export async function thanhAnOfficeWithQuota(): Promise<string> {
  const created = await ask<{ createOrganization: { id: string } }>(COMMUNE, 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
    input: { unitCode: THANH_AN, kind: 'DEPARTMENT', name: 'Văn phòng HĐND và UBND xã Thanh An', change: changeOn('2026-01-01', { number: '01/QĐ-UBND', decidedOn: '2025-12-20' }) },
  });
  const unitQuota = 'mutation ($code: ID!, $amount: Int!, $change: EffectiveChangeInput!) { setUnitQuota(unitCode: $code, amount: $amount, change: $change) { amount } }';
  await ask(APPROVER, unitQuota, { code: CITY, amount: 100_000, change: changeOn('2026-01-01', { number: '01/QĐ-TTg', decidedOn: '2025-12-20' }) });
  await ask(APPROVER, unitQuota, { code: THANH_AN, amount: 20, change: changeOn('2026-01-01', { number: '02/QĐ-UBND', decidedOn: '2025-12-20' }) });
  const office = created.createOrganization.id;
  await ask(APPROVER, 'mutation ($id: ID!, $change: EffectiveChangeInput!) { setOrganizationQuota(organizationId: $id, amount: 10, change: $change) { amount } }', {
    id: office, change: changeOn('2026-01-01', { number: '03/QĐ-UBND', decidedOn: '2025-12-20' }),
  });
  return office;
}

/** The office's quota on AS_OF, through the gateway. */
export async function quotaOf(organizationId: string): Promise<number | undefined> {
  const data = await ask<{ organizationQuota: { amount: number } | null }>(COMMUNE, 'query ($id: ID!, $asOf: LocalDate) { organizationQuota(organizationId: $id, asOf: $asOf) { amount } }', { id: organizationId, asOf: AS_OF });
  return data.organizationQuota?.amount;
}

/** Every version of the office's quota, oldest first: one more for each change applied. */
export async function quotaVersions(organizationId: string): Promise<Array<{ amount: number; validFrom: string }>> {
  const data = await ask<{ quotaHistory: Array<{ amount: number; validFrom: string }> }>(COMMUNE, 'query ($id: ID!) { quotaHistory(holderId: $id, holderKind: ORGANIZATION) { amount validFrom } }', { id: organizationId });
  return data.quotaHistory;
}

export async function proposalView(id: string): Promise<ProposalView> {
  const data = await ask<{ staffingProposal: ProposalView }>(COMMUNE, 'query ($id: ID!) { staffingProposal(id: $id) { status outcomeCode outcomeReason appliedQuota } }', { id });
  return data.staffingProposal;
}

/** A step's decision, taken on its effective date and numbered after its day. */
const stepInput = (proposalId: string, date: string, number: string, comment?: string) => ({ proposalId, comment, change: changeOn(date, { number, decidedOn: date }) });

/** One proposal step through the gateway, as `username`; the caller checks the answer. */
export function proposalStep(mutation: string, username: string, proposalId: string, date: string, number: string, comment?: string) {
  return gateway<{ step: { id: string; status: string } }>(username, stepMutation(mutation), { input: stepInput(proposalId, date, number, comment) });
}

/**
 * A Thanh An proposal for the office asking `increase` more, drafted and submitted by the
 * commune and appraised by the city's home-affairs office on `date`: ready for approval.
 */
export async function appraisedProposal(organizationId: string, increase: number, date: string): Promise<string> {
  const day = date.slice(-2);
  const drafted = await ask<{ draftStaffingProposal: { id: string } }>(COMMUNE, 'mutation ($input: DraftStaffingProposalInput!) { draftStaffingProposal(input: $input) { id } }', {
    input: {
      unitCode: THANH_AN, organizationId, title: 'Đề án tăng biên chế Văn phòng – Thống kê', increase,
      positions: [{ jobPosition: 'Công chức Văn phòng – Thống kê', titleCode: 'OFFICE_STATISTICS', count: increase }],
      justification: 'Khối lượng thủ tục hành chính tăng gấp đôi sau sáp nhập ấp',
      workloadEvidence: 'Báo cáo số 12/BC-UBND: 4.800 hồ sơ năm 2024',
      change: changeOn(date, { number: `${day}/ĐA-UBND`, decidedOn: date }),
    },
  });
  const id = drafted.draftStaffingProposal.id;
  for (const [mutation, username, number, comment] of [
    ['submitStaffingProposal', COMMUNE, `${day}/TTr-UBND`, undefined],
    ['appraiseStaffingProposal', APPRAISER, `${day}/BC-SNV`, 'Phù hợp vị trí việc làm'],
  ] as const) {
    const response = await proposalStep(mutation, username, id, date, number, comment);
    expect(response.errors).toBeUndefined();
  }
  return id;
}

/** The city approves; the approval's answer must carry no error. Returns when it was answered. */
export async function approve(id: string, date: string): Promise<number> {
  const response = await proposalStep('approveStaffingProposal', APPROVER, id, date, `${date.slice(-2)}/QĐ-UBND`);
  expect(response.errors).toBeUndefined();
  expect(response.data?.step.status).toBe('APPROVED');
  return Date.now();
}

/** Polls the gateway until the proposal leaves APPROVED; how long that took from `since`. */
export async function settled(id: string, since: number, timeoutMs = 120_000): Promise<{ view: ProposalView; delayMs: number }> {
  const view = await eventually(async () => {
    const current = await proposalView(id);
    return current.status === 'APPROVED' ? undefined : current;
  }, { what: `proposal ${id} settled (APPLIED or APPLY_FAILED)`, timeoutMs, intervalMs: 100 });
  return { view, delayMs: Date.now() - since };
}

/** Polls the gateway until the office's quota is `expected`; how long that took from `since`. */
export async function quotaReaches(organizationId: string, expected: number, since: number, timeoutMs = 120_000): Promise<number> {
  await eventually(async () => ((await quotaOf(organizationId)) === expected ? true : undefined), {
    what: `the office's quota ${expected} through the gateway`, timeoutMs, intervalMs: 100,
  });
  return Date.now() - since;
}

/** QuotaChanged events organization wrote for the proposal (its outbox). */
export async function quotaChangesFor(proposalId: string): Promise<number> {
  const [{ n }] = await queryDatabase<{ n: number }>(databaseOf('organization'),
    "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'QuotaChanged' AND envelope->'payload'->>'proposalId' = $1", [proposalId]);
  return n;
}

/** Inbox rows of organization's proposal consumer for the proposal's approval event. */
export async function approvalsReceivedFor(proposalId: string): Promise<number> {
  const [event] = await queryDatabase<{ id: string }>(databaseOf('reform'),
    "SELECT id::text FROM outbox WHERE event_type = 'StaffingProposalApproved' AND envelope->'payload'->>'proposalId' = $1", [proposalId]);
  expect(event).toBeDefined();
  const [{ n }] = await queryDatabase<{ n: number }>(databaseOf('organization'),
    "SELECT count(*)::int AS n FROM inbox WHERE consumer = 'organization.staffing-proposals' AND event_id = $1", [event.id]);
  return n;
}

/** Prints a measured figure (no timed assertions: the figures go to the run's output). */
export const report = (line: string): void => {
  process.stdout.write(`[saga] ${line}\n`);
};
