import { demoTerritoryAnnouncements } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, graphqlRequest, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { evaluationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;

const ORGANIZATION = '0b6f3c1e-2d4a-4c8e-9f10-5a7b8c9d0e1f';
const PERSON = '7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f';
const holder = { unitCode: '25801', organizationId: ORGANIZATION, titleCode: 'VAN_PHONG_THONG_KE' };
const product = (code: string, weight: number, expectedQuantity: number, deadlineDay: number | null, minQualityPercent = 100) => ({
  code, name: `Sản phẩm ${code}`, weight, expectedQuantity, qualityStandard: 'Đúng thể thức, không sai sót', minQualityPercent, deadlineDay,
});
const ruleInput = { ...holder, products: [product('BAO_CAO', 40, 1, 25), product('HO_SO', 60, 20, null, 90)], change: changeOn('2026-01-01', { number: '01/QĐ-UBND' }) };
const scoreInput = (cycleId: string, extra: Record<string, unknown> = {}) => ({
  cycleId, personId: PERSON, subject: 'CIVIL_SERVANT', organizationId: ORGANIZATION, titleCode: holder.titleCode, leaveDays: 0,
  assessed: [{ code: 'GENERAL', percent: 90 }],
  products: [{ code: 'BAO_CAO', quantity: 1, qualityMet: true, deliveredOn: '2026-03-27' }, { code: 'HO_SO', quantity: 20, qualityPercent: 95, deliveredOn: '2026-03-31' }],
  change: changeOn('2026-04-02', { number: '15/BB-UBND' }), ...extra,
});

const written = () => rowCounts((sql) => service.dataSource.query(sql), ['responsibility_rule', 'evaluation_cycle', 'period_score', ...WRITE_TRAIL_TABLES]);
const ask = async <Data = Record<string, unknown>>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(username), variables });
const recordRule = (username: string, input: Record<string, unknown>) =>
  ask<{ recordResponsibilityRule: { id: string; validFrom: string } }>(username, 'mutation ($input: RecordResponsibilityRuleInput!) { recordResponsibilityRule(input: $input) { id validFrom } }', { input });
const openCycle = async (username: string, unitCode: string, kind: string, periodFrom: string, periodTo: string) =>
  ask<{ openEvaluationCycle: { id: string; open: boolean } }>(username, 'mutation ($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) { id open } }', {
    input: { unitCode, kind, periodFrom, periodTo, change: changeOn(periodFrom, { number: `KH-${kind}-${periodFrom}` }) },
  });
const score = (username: string, input: Record<string, unknown>) =>
  ask<{ scoreWorkProducts: { points: number; ruleSet: string } }>(username, 'mutation ($input: ScoreWorkProductsInput!) { scoreWorkProducts(input: $input) { points ruleSet } }', { input });
const rulesOn = async (username: string, asOf: string) =>
  (await ask<{ responsibilityRules: Array<{ validFrom: string; products: Array<{ code: string; weight: number }> }> }>(username,
    'query ($asOf: LocalDate) { responsibilityRules(unitCode: "25801", titleCode: "VAN_PHONG_THONG_KE", asOf: $asOf) { validFrom products { code weight } } }', { asOf })).data?.responsibilityRules;

const cycles: Record<string, string> = {};

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(evaluationService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
});

afterAll(() => service?.stop());

describe('job-responsibility rules', () => {
  it('records a title’s rule with its decision and audit row, and supersedes it from a later date', async () => {
    const before = await written();
    expect((await recordRule(DEMO_USERS.anLapOfficer, ruleInput)).data?.recordResponsibilityRule.validFrom).toBe('2026-01-01');
    const superseding = { ...ruleInput, products: [product('BAO_CAO', 30, 1, 25), product('HO_SO', 70, 20, null, 90)], change: changeOn('2026-04-01', { number: '30/QĐ-UBND' }) };
    const { id } = (await recordRule(DEMO_USERS.anLapOfficer, superseding)).data?.recordResponsibilityRule ?? {};
    expect(await written()).toMatchObject({ responsibility_rule: before.responsibility_rule + 2, decision: before.decision + 2, audit_log: before.audit_log + 2 });
    expect((await rulesOn(DEMO_USERS.anLapOfficer, '2026-03-31'))?.map((rule) => rule.products.map((p) => p.weight))).toEqual([[40, 60]]);
    expect(await rulesOn(DEMO_USERS.anLapOfficer, '2026-04-01')).toEqual([{ validFrom: '2026-04-01', products: [{ code: 'BAO_CAO', weight: 30 }, { code: 'HO_SO', weight: 70 }] }]);
    expect(await rulesOn(DEMO_USERS.dinhAnAdmin, '2026-04-01')).toEqual([]);
    const [audit] = await service.dataSource.query(`SELECT before, target_label FROM audit_log WHERE target_id = $1 AND decision->>'number' = '30/QĐ-UBND'`, [id]);
    expect(audit).toMatchObject({ target_label: 'Quy định trách nhiệm công việc VAN_PHONG_THONG_KE – Xã An Lập (25801)', before: { validFrom: '2026-01-01' } });
  });
});

describe('cycles and scores', () => {
  it('opens cycles, scores work products under the rule and rule set in force, and explains each product', async () => {
    cycles.march = (await openCycle(DEMO_USERS.anLapOfficer, '25801', 'MONTHLY', '2026-03-01', '2026-03-31')).data?.openEvaluationCycle.id ?? '';
    expect((await score(DEMO_USERS.anLapOfficer, scoreInput(cycles.march))).data?.scoreWorkProducts).toEqual({ points: 90, ruleSet: 'ND335-2025-CIVIL_SERVANT' });
    const read = await ask<{ periodScores: unknown[] }>(DEMO_USERS.anLapOfficer, `query ($id: ID!) { periodScores(cycleId: $id) {
      personId points daysWorked criteria { code points } products { code dueOn late defective points penalty } } }`, { id: cycles.march });
    expect(read.data?.periodScores).toEqual([{
      personId: PERSON, points: 90, daysWorked: 31, criteria: [{ code: 'GENERAL', points: 27 }, { code: 'TASK_RESULTS', points: 63 }],
      products: [
        { code: 'BAO_CAO', dueOn: '2026-03-25', late: true, defective: false, points: 21, penalty: 7 },
        { code: 'HO_SO', dueOn: '2026-03-31', late: false, defective: false, points: 42, penalty: 0 },
      ],
    }]);
    expect((await ask<{ periodScores: unknown[] }>(DEMO_USERS.dinhAnAdmin, `{ periodScores(cycleId: "${cycles.march}") { points } }`)).data?.periodScores).toEqual([]);
  });

  it('weights the annual score by days worked, keeping the scores earned before a transfer', async () => {
    cycles.q2 = (await openCycle(DEMO_USERS.anLapOfficer, '25801', 'QUARTERLY', '2026-04-01', '2026-06-30')).data?.openEvaluationCycle.id ?? '';
    const q2 = scoreInput(cycles.q2, { leaveDays: 31, assessed: [{ code: 'GENERAL', percent: 100 }], products: [{ code: 'HO_SO', quantity: 10, qualityMet: true, deliveredOn: '2026-06-01' }] });
    // under the superseding rule (HO_SO weighs 70): general 30 + half of HO_SO, 70 × 35/100 = 24.5 → 54.5
    expect((await score(DEMO_USERS.anLapOfficer, q2)).data?.scoreWorkProducts.points).toBe(54.5);
    // transferred to Xã Định An from July: its own rule and cycle, scored by the district's officer
    expect((await recordRule(DEMO_USERS.districtOfficer, { ...ruleInput, unitCode: '25789', change: changeOn('2026-07-01', { number: '40/QĐ-UBND' }) })).errors).toBeUndefined();
    cycles.q3 = (await openCycle(DEMO_USERS.districtOfficer, '25789', 'QUARTERLY', '2026-07-01', '2026-09-30')).data?.openEvaluationCycle.id ?? '';
    const q3 = scoreInput(cycles.q3, { assessed: [{ code: 'GENERAL', percent: 100 }], products: [{ code: 'BAO_CAO', quantity: 1, qualityMet: true, deliveredOn: '2026-07-10' }, { code: 'HO_SO', quantity: 20, qualityMet: true, deliveredOn: '2026-09-30' }] });
    expect((await score(DEMO_USERS.districtOfficer, q3)).data?.scoreWorkProducts.points).toBe(100);
    const annual = await ask(DEMO_USERS.dinhAnAdmin, `{ annualScore(personId: "${PERSON}", year: 2026, subject: CIVIL_SERVANT) {
      points daysWorked ruleSet levelByPoints periods { unitCode daysWorked points } } }`);
    // (90·31 + 54.5·60 + 100·92) / 183
    expect(annual.data?.annualScore).toEqual({
      points: 83.39, daysWorked: 183, ruleSet: 'ND335-2025-CIVIL_SERVANT', levelByPoints: 'HTT',
      periods: [{ unitCode: '25801', daysWorked: 31, points: 90 }, { unitCode: '25801', daysWorked: 60, points: 54.5 }, { unitCode: '25789', daysWorked: 92, points: 100 }],
    });
  });

  it('closes a cycle once; a closed cycle takes no score', async () => {
    const close = () => ask(DEMO_USERS.anLapOfficer, 'mutation ($input: CloseEvaluationCycleInput!) { closeEvaluationCycle(input: $input) { open closedOn } }', {
      input: { cycleId: cycles.march, change: changeOn('2026-04-05', { number: '16/QĐ-UBND' }) },
    });
    expect((await close()).data).toEqual({ closeEvaluationCycle: { open: false, closedOn: '2026-04-05' } });
    const before = await written();
    expect(errorCodes(await close())).toEqual(['CONFLICT']);
    expect(errorCodes(await score(DEMO_USERS.anLapOfficer, scoreInput(cycles.march)))).toEqual(['CONFLICT']);
    expect(await written()).toEqual(before);
  });
});

describe('concurrent writes', () => {
  it('opens one of two cycles of the same period asked at once, and refuses the other as a conflict', async () => {
    const both = await Promise.all([1, 2].map(() => openCycle(DEMO_USERS.anLapOfficer, '25801', 'MONTHLY', '2026-11-01', '2026-11-30')));
    expect(both.map((response) => errorCodes(response)).sort()).toEqual([[], ['CONFLICT']]);
    const listed = await ask<{ evaluationCycles: Array<{ kind: string; periodFrom: string; open: boolean }> }>(DEMO_USERS.anLapOfficer,
      '{ evaluationCycles(unitCode: "25801", year: 2026) { kind periodFrom open } }');
    expect(listed.data?.evaluationCycles).toEqual([
      { kind: 'MONTHLY', periodFrom: '2026-03-01', open: false }, { kind: 'QUARTERLY', periodFrom: '2026-04-01', open: true }, { kind: 'MONTHLY', periodFrom: '2026-11-01', open: true },
    ]);
    expect((await ask(DEMO_USERS.dinhAnAdmin, '{ evaluationCycles(unitCode: "25801", year: 2026) { id } }')).data).toEqual({ evaluationCycles: [] });
  });

  it('scores a person once for a day when two overlapping cycles score them at once', async () => {
    const person = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const december = (await openCycle(DEMO_USERS.anLapOfficer, '25801', 'MONTHLY', '2026-12-01', '2026-12-31')).data?.openEvaluationCycle.id ?? '';
    const q4 = (await openCycle(DEMO_USERS.anLapOfficer, '25801', 'QUARTERLY', '2026-10-01', '2026-12-31')).data?.openEvaluationCycle.id ?? '';
    const delivered = { products: [{ code: 'HO_SO', quantity: 20, qualityMet: true, deliveredOn: '2026-12-20' }] };
    const both = await Promise.all([december, q4].map((cycleId) => score(DEMO_USERS.anLapOfficer, scoreInput(cycleId, { personId: person, ...delivered }))));
    expect(both.map((response) => errorCodes(response)).sort()).toEqual([[], ['CONFLICT']]);
    expect((await service.dataSource.query('SELECT count(*)::int AS n FROM period_score WHERE person_id = $1', [person]))[0].n).toBe(1);
  });
});

describe('refusals change nothing', () => {
  it.each([
    ['a rule outside the territory', () => recordRule(DEMO_USERS.anLapOfficer, { ...ruleInput, unitCode: '25789' }), 'FORBIDDEN'],
    ['a rule by a viewer', () => recordRule(DEMO_USERS.districtViewer, ruleInput), 'FORBIDDEN'],
    ['weights not summing to 100', () => recordRule(DEMO_USERS.anLapOfficer, { ...ruleInput, products: [product('A', 50, 1, null)] }), 'BAD_USER_INPUT'],
    ['a cycle off the month’s boundaries', () => openCycle(DEMO_USERS.anLapOfficer, '25801', 'MONTHLY', '2026-05-02', '2026-06-01'), 'BAD_USER_INPUT'],
    ['a second cycle of the same period', () => openCycle(DEMO_USERS.anLapOfficer, '25801', 'MONTHLY', '2026-03-01', '2026-03-31'), 'CONFLICT'],
    ['a cycle outside the territory', () => openCycle(DEMO_USERS.anLapOfficer, '25789', 'MONTHLY', '2026-05-01', '2026-05-31'), 'FORBIDDEN'],
    ['a score outside the territory', () => score(DEMO_USERS.anLapOfficer, scoreInput(cycles.q3)), 'FORBIDDEN'],
    ['a score by a viewer', () => score(DEMO_USERS.districtViewer, scoreInput(cycles.q2)), 'FORBIDDEN'],
    ['a product not in the rule', () => score(DEMO_USERS.anLapOfficer, scoreInput(cycles.q2, { products: [{ code: 'KHAC', quantity: 1, qualityMet: true, deliveredOn: '2026-04-02' }] })), 'BAD_USER_INPUT'],
    ['more leave than days', () => score(DEMO_USERS.anLapOfficer, scoreInput(cycles.q2, { leaveDays: 92 })), 'BAD_USER_INPUT'],
  ])('refuses %s', async (_case, call, code) => {
    const before = await written();
    expect(errorCodes(await call())).toEqual([code]);
    expect(await written()).toEqual(before);
  });
});
