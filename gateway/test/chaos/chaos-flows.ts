import { changeOn, DEMO_USERS, queryDatabase } from '@ps/testing';
import { databaseOf, type ServiceName } from '../platform';
import { call } from './chaos-calls';

/**
 * The cross-service flows the chaos run drives through the gateway, each as a user takes it, and
 * what each must have caused once the platform recovered, read from the services' databases:
 * - approval: Thanh An's proposal for its own office, approved by the city → organization raises
 *   the office's quota once (QuotaChanged) → reform marks the proposal APPLIED;
 * - merge: two new communes of the city, a cadre posted in the first's People's Committee → the
 *   city merges them → personnel carries the post to the second's committee once, and reform
 *   records the succession;
 * - evaluation: a Thanh An civil servant rated KHTNV for 2026 → personnel keeps the rating and
 *   lists one downsizing candidate (Decree 154/2025's ground).
 */
export type FlowKind = 'approval' | 'merge' | 'evaluation';

const CITY = '79';
const THANH_AN = '25807';
const city = DEMO_USERS.hcmcAdmin;
const commune = DEMO_USERS.thanhAnAdmin;
const board = DEMO_USERS.hcmcOrganizationBoard;
const homeAffairs = DEMO_USERS.hcmcHomeAffairs;
const INCREASE = 2;
/** The day every merge of the run takes effect. */
const MERGED_ON = '2026-06-01';
const OFFICE_QUOTA = 10;

/** A flow as the run knows it: what it was given and, once its trigger was asked, the trigger's fate. */
export interface Flow {
  index: number;
  kind: FlowKind;
  /** The ids the flow made and its checks read. */
  ids: Record<string, string>;
  /** Whether the step that sends the flow across services committed (read back from its database when unanswered). */
  triggered: boolean;
  /** Why the flow stopped before its trigger (a user call refused or unanswered during a fault). */
  abandoned?: string;
}

/** One expected effect of a flow: what was found against what must be, and how many times it happened where once is right. */
export interface Effect {
  what: string;
  reached: boolean;
  /** Effects beyond the one expected (a doubled quota version, a post carried twice). */
  extra: number;
}

const decision = (number: string, effectiveDate: string, issuer?: 'NA_STANDING_COMMITTEE') => ({
  effectiveDate,
  reason: 'Sắp xếp tổ chức bộ máy',
  decision: { number, date: '2026-01-15', signer: 'Chủ tịch', ...(issuer ? { issuer } : {}) },
});

/** Quotas every approval runs under: the city's and Thanh An's, large enough for any run. */
export async function prepareFlows(): Promise<void> {
  const unitQuota = 'mutation ($code: ID!, $amount: Int!, $change: EffectiveChangeInput!) { setUnitQuota(unitCode: $code, amount: $amount, change: $change) { amount } }';
  await call(city, 'setUnitQuota', unitQuota, { code: CITY, amount: 1_000_000, change: changeOn('2026-01-01', { number: '01/QĐ-TTg', decidedOn: '2025-12-20' }) });
  await call(city, 'setUnitQuota', unitQuota, { code: THANH_AN, amount: 100_000, change: changeOn('2026-01-01', { number: '02/QĐ-UBND', decidedOn: '2025-12-20' }) });
}

async function createOrganization(username: string, unitCode: string, kind: string, name: string, date: string): Promise<string> {
  const created = await call<{ createOrganization: { id: string } }>(username, 'createOrganization',
    'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { unitCode, kind, name, change: changeOn(date, { number: '01/QĐ-UBND', decidedOn: '2025-12-20' }) } });
  return created.createOrganization.id;
}

/**
 * A cadre (the city's organization board manages them) or a civil servant (its home-affairs
 * office does) put on file by their manager; the personal id is the flow's own.
 */
async function registerPerson(flow: Flow, unitCode: string, category: 'CADRE' | 'CIVIL_SERVANT'): Promise<string> {
  const registered = await call<{ registerPerson: { id: string } }>(category === 'CADRE' ? board : homeAffairs, 'registerPerson',
    'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
    { input: {
      unitCode, fullName: `Người Thử Tải ${flow.index}`, personalId: `079090${String(flow.index).padStart(6, '0')}`, birthDate: '1990-05-01',
      gender: 'MALE', ethnicity: 'Kinh', homePlace: 'Thành phố Hồ Chí Minh', category, change: changeOn('2026-02-01', { number: `${flow.index}/QĐ-BTC` }),
    } }, { awaitsProjection: true });
  return registered.registerPerson.id;
}

const proposalStep = (mutation: string) => `mutation ($input: ProposalStepInput!) { step: ${mutation}(input: $input) { id status } }`;

async function approval(flow: Flow): Promise<void> {
  const office = await createOrganization(commune, THANH_AN, 'DEPARTMENT', `Văn phòng thử tải ${flow.index}`, '2026-01-01');
  flow.ids.office = office;
  await call(city, 'setOrganizationQuota', 'mutation ($id: ID!, $change: EffectiveChangeInput!) { setOrganizationQuota(organizationId: $id, amount: 10, change: $change) { amount } }',
    { id: office, change: changeOn('2026-01-01', { number: '03/QĐ-UBND', decidedOn: '2025-12-20' }) });
  const drafted = await call<{ draftStaffingProposal: { id: string } }>(commune, 'draftStaffingProposal',
    'mutation ($input: DraftStaffingProposalInput!) { draftStaffingProposal(input: $input) { id } }',
    { input: {
      unitCode: THANH_AN, organizationId: office, title: `Đề án tăng biên chế ${flow.index}`, increase: INCREASE,
      positions: [{ jobPosition: 'Công chức Văn phòng – Thống kê', titleCode: 'OFFICE_STATISTICS', count: INCREASE }],
      justification: 'Khối lượng thủ tục hành chính tăng', workloadEvidence: 'Báo cáo số 12/BC-UBND',
      change: changeOn('2026-04-10', { number: `${flow.index}/ĐA-UBND`, decidedOn: '2026-04-10' }),
    } }, { awaitsProjection: true });
  const proposal = drafted.draftStaffingProposal.id;
  flow.ids.proposal = proposal;
  const step = (number: string, comment?: string) => ({ input: { proposalId: proposal, comment, change: changeOn('2026-04-10', { number, decidedOn: '2026-04-10' }) } });
  await call(commune, 'submitStaffingProposal', proposalStep('submitStaffingProposal'), step(`${flow.index}/TTr-UBND`));
  await call(homeAffairs, 'appraiseStaffingProposal', proposalStep('appraiseStaffingProposal'), step(`${flow.index}/BC-SNV`, 'Phù hợp vị trí việc làm'));
  await trigger(flow, () => call(city, 'approveStaffingProposal', proposalStep('approveStaffingProposal'), step(`${flow.index}/QĐ-UBND`), { once: true }),
    'reform', "SELECT 1 FROM staffing_proposal WHERE id = $1 AND status <> 'APPRAISED'", [proposal]);
}

async function merge(flow: Flow): Promise<void> {
  const [first, second] = [90_000 + 2 * flow.index, 90_001 + 2 * flow.index].map(String);
  flow.ids.first = first;
  flow.ids.second = second;
  const createUnit = 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { code } }';
  for (const code of [first, second]) {
    await call(city, 'createUnit', createUnit, { input: { code, name: `Xã Thử Tải ${code}`, tier: 'COMMUNE', parentCode: CITY, change: decision(`${code}/NQ-UBTVQH15`, '2026-02-01', 'NA_STANDING_COMMITTEE') } });
  }
  flow.ids.firstCommittee = await createOrganization(city, first, 'PEOPLES_COMMITTEE', `Ủy ban nhân dân xã Thử Tải ${first}`, '2026-02-01');
  flow.ids.secondCommittee = await createOrganization(city, second, 'PEOPLES_COMMITTEE', `Ủy ban nhân dân xã Thử Tải ${second}`, '2026-02-01');
  flow.ids.person = await registerPerson(flow, first, 'CADRE');
  const assigned = await call<{ assign: { id: string } }>(board, 'assign', 'mutation ($input: AssignInput!) { assign(input: $input) { id } }', {
    input: { personId: flow.ids.person, organizationId: flow.ids.firstCommittee, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', change: changeOn('2026-03-01', { number: `${flow.index}/QĐ-BTC` }) },
  }, { awaitsProjection: true });
  flow.ids.assignment = assigned.assign.id;
  const plan = await call<{ createReformPlan: { id: string } }>(city, 'createReformPlan', 'mutation ($input: CreateReformPlanInput!) { createReformPlan(input: $input) { id } }', {
    input: { unitCode: first, title: `Kế hoạch sắp xếp bộ máy xã Thử Tải ${first}`, resolutionRef: '18-NQ/TW', change: changeOn('2026-03-01', { number: `${flow.index}/KH-UBND` }) },
  }, { awaitsProjection: true });
  flow.ids.plan = plan.createReformPlan.id;
  await trigger(flow, () => call(city, 'mergeUnits', 'mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { started { code } } }', {
    input: { predecessorCodes: [first, second], successorCode: second, successorName: `Xã Thử Tải ${second}`, change: decision(`${flow.index}/NQ-UBTVQH15`, MERGED_ON, 'NA_STANDING_COMMITTEE') },
  }, { once: true }), 'organization', "SELECT 1 FROM unit_lineage WHERE predecessor_code = $1 AND kind = 'MERGE'", [first]);
}

/** The office every evaluated civil servant works in (one per run). */
let evaluationOffice: Promise<string> | undefined;

async function evaluation(flow: Flow): Promise<void> {
  evaluationOffice ??= createOrganization(commune, THANH_AN, 'DEPARTMENT', 'Văn phòng HĐND và UBND xã Thanh An', '2026-01-01');
  const office = await evaluationOffice;
  const person = await registerPerson(flow, THANH_AN, 'CIVIL_SERVANT');
  flow.ids.person = person;
  const opened = await call<{ openEvaluation: { id: string } }>(commune, 'openEvaluation', 'mutation ($input: OpenEvaluationInput!) { openEvaluation(input: $input) { id } }', {
    input: { personId: person, fullName: `Người Thử Tải ${flow.index}`, unitCode: THANH_AN, organizationId: office, titleCode: 'VAN_PHONG_THONG_KE', subject: 'CIVIL_SERVANT', year: 2026, dutyGroup: 'CHUYEN_MON', change: changeOn('2026-11-02', { number: `${flow.index}/KH-UBND` }) },
  }, { awaitsProjection: true });
  const evaluationId = opened.openEvaluation.id;
  flow.ids.evaluation = evaluationId;
  const steps: Array<[string, string, Record<string, unknown>]> = [
    ['recordSelfAssessment', 'RecordSelfAssessmentInput', { level: 'HTNV', comment: 'Hoàn thành nhiệm vụ' }],
    ['recordStaffMeetingComments', 'RecordStaffMeetingCommentsInput', { comment: 'Nhiều hồ sơ trễ hạn' }],
    ['proposeRating', 'ProposeRatingInput', { level: 'KHTNV', comment: 'Đề nghị không hoàn thành nhiệm vụ' }],
  ];
  for (const [index, [mutation, type, input]] of steps.entries()) {
    await call(commune, mutation, `mutation ($input: ${type}!) { ${mutation}(input: $input) { id } }`, {
      input: { evaluationId, ...input, change: changeOn(`2026-11-0${index + 3}`, { number: `${flow.index}/${mutation}` }) },
    });
  }
  await trigger(flow, () => call(commune, 'decideRatings', 'mutation ($input: DecideRatingsInput!) { decideRatings(input: $input) { id } }', {
    input: { decisions: [{ evaluationId, level: 'KHTNV' }], change: changeOn('2026-11-10', { number: `${flow.index}/QĐ-XL` }) },
  }, { once: true }), 'evaluation', "SELECT 1 FROM evaluation WHERE id = $1 AND status = 'DECIDED'", [evaluationId]);
}

/** Asks the trigger once (repeating it could act twice); unanswered, its database says whether it committed. */
async function trigger(flow: Flow, ask: () => Promise<unknown>, service: ServiceName, committed: string, parameters: unknown[]): Promise<void> {
  try {
    await ask();
    flow.triggered = true;
  } catch (error) {
    flow.triggered = (await queryDatabase(databaseOf(service), committed, parameters)).length > 0;
    if (!flow.triggered) throw error;
  }
}

const RUNNERS: Record<FlowKind, (flow: Flow) => Promise<void>> = { approval, merge, evaluation };

/** Runs one flow up to and including its trigger; a call the faults defeated before the trigger abandons it. */
export async function runFlow(flow: Flow): Promise<void> {
  try {
    await RUNNERS[flow.kind](flow);
  } catch (error) {
    if (!flow.triggered) flow.abandoned = error instanceof Error ? error.message : String(error);
  }
}

const one = async (service: ServiceName, sql: string, parameters: unknown[]): Promise<number> =>
  (await queryDatabase<{ n: number }>(databaseOf(service), sql, parameters))[0].n;

/** The first commune's reform plan, carried to the successor once: its version in force under the successor's code, from the merge on. */
async function planCarried(plan: string, successor: string): Promise<Effect> {
  const versions = await queryDatabase<{ unit_code: string; valid_from: string; valid_to: string | null }>(databaseOf('reform'),
    'SELECT unit_code, valid_from::text, valid_to::text FROM reform_plan WHERE id = $1 ORDER BY valid_from', [plan]);
  const underSuccessor = versions.filter((version) => version.unit_code === successor);
  return {
    what: `reform: the plan under the successor (${versions.map((version) => `${version.unit_code} from ${version.valid_from}`).join(', ')})`,
    reached: underSuccessor.some((version) => version.valid_to === null && version.valid_from === MERGED_ON),
    extra: Math.max(0, underSuccessor.length - 1) + Math.max(0, versions.length - 2),
  };
}

/** What a triggered flow must have caused, each counted where it happened. */
export async function effectsOf(flow: Flow): Promise<Effect[]> {
  const { ids } = flow;
  const exactlyOne = (what: string, n: number): Effect => ({ what, reached: n >= 1, extra: Math.max(0, n - 1) });
  if (flow.kind === 'approval') {
    const quotas = await queryDatabase<{ amount: number }>(databaseOf('organization'),
      "SELECT amount FROM staffing_quota WHERE holder_kind = 'ORGANIZATION' AND holder_id = $1 ORDER BY valid_from, amount", [ids.office]);
    const [proposal] = await queryDatabase<{ status: string; applied_quota: number | null }>(databaseOf('reform'), 'SELECT status, applied_quota FROM staffing_proposal WHERE id = $1', [ids.proposal]);
    return [
      exactlyOne('QuotaChanged for the proposal', await one('organization', "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'QuotaChanged' AND envelope->'payload'->>'proposalId' = $1", [ids.proposal])),
      { what: `the office's quota versions ${quotas.map((quota) => quota.amount).join(',')}`, reached: quotas.at(-1)?.amount === OFFICE_QUOTA + INCREASE, extra: Math.max(0, quotas.length - 2) },
      { what: `proposal ${proposal?.status} with ${proposal?.applied_quota}`, reached: proposal?.status === 'APPLIED' && proposal.applied_quota === OFFICE_QUOTA + INCREASE, extra: 0 },
    ];
  }
  if (flow.kind === 'merge') {
    const versions = await queryDatabase<{ organization_id: string; valid_to: string | null }>(databaseOf('personnel'),
      'SELECT organization_id::text, valid_to::text FROM assignment WHERE id = $1 ORDER BY valid_from', [ids.assignment]);
    const atSuccessor = versions.filter((version) => version.organization_id === ids.secondCommittee);
    return [
      { what: `the post at the successor's committee (${versions.length} versions)`, reached: atSuccessor.some((version) => version.valid_to === null), extra: Math.max(0, atSuccessor.length - 1) + Math.max(0, versions.length - 2) },
      exactlyOne('reform: the unit succession', await one('reform', 'SELECT count(*)::int AS n FROM reform_unit_succession WHERE predecessor_code = $1 AND successor_code = $2', [ids.first, ids.second])),
      exactlyOne('reform: the committee succession', await one('reform', 'SELECT count(*)::int AS n FROM reform_organization_succession WHERE organization_id = $1 AND successor_id = $2', [ids.firstCommittee, ids.secondCommittee])),
      await planCarried(ids.plan, ids.second),
    ];
  }
  return [
    exactlyOne('EvaluationFinalized', await one('evaluation', "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'EvaluationFinalized' AND envelope->'payload'->>'evaluationId' = $1", [ids.evaluation])),
    exactlyOne('personnel: the rating', await one('personnel', 'SELECT count(*)::int AS n FROM person_rating WHERE evaluation_id = $1', [ids.evaluation])),
    exactlyOne('personnel: the downsizing candidate', await one('personnel', "SELECT count(*)::int AS n FROM downsizing_candidate WHERE evaluation_id = $1 AND status <> 'WITHDRAWN'", [ids.evaluation])),
  ];
}
