import { demoTerritoryAnnouncements } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, graphqlRequest, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { evaluationService } from '../src/service';

/**
 * The change-over through the service's GraphQL: identical work products scored in a 2024 or
 * 2025 cycle and in a 2026 cycle come out under the rule set each period's last day puts in force.
 */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;

const OFFICER = DEMO_USERS.anLapOfficer;
const ORGANIZATION = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const MEMBER = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const CIVIL_SERVANT = '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c';
const holder = { unitCode: '25801', organizationId: ORGANIZATION, titleCode: 'COMMUNE_JUSTICE_CIVIL_STATUS' };
const rule = {
  ...holder,
  products: [
    { code: 'BAO_CAO_QUY', name: 'Báo cáo quý', weight: 50, expectedQuantity: 1, qualityStandard: 'Đúng thể thức', minQualityPercent: 100, deadlineDay: 85 },
    { code: 'HO_SO_HO_TICH', name: 'Hồ sơ hộ tịch', weight: 50, expectedQuantity: 20, qualityStandard: 'Không sai sót', minQualityPercent: 90, deadlineDay: null },
  ],
  change: changeOn('2024-01-01', { number: '01/QĐ-UBND' }),
};
const QUARTERS = { '2024Q4': ['2024-10-01', '2024-12-31'], '2025Q1': ['2025-01-01', '2025-03-31'], '2026Q1': ['2026-01-01', '2026-03-31'] } as const;
type Quarter = keyof typeof QUARTERS;
const dayOf = (from: string, day: number) => new Date(Date.parse(`${from}T00:00:00Z`) + (day - 1) * 86_400_000).toISOString().slice(0, 10);

const ask = async <Data = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(OFFICER), variables });
const cycles = {} as Record<Quarter, string>;
/** General criteria 90%, both products in full, the report on day 80 of the quarter or (late) on day 87. */
const score = (quarter: Quarter, personId: string, subject: string, reportLate: boolean) => {
  const [from, to] = QUARTERS[quarter];
  return ask<{ scoreWorkProducts: { ruleSet: string; points: number } }>('mutation ($input: ScoreWorkProductsInput!) { scoreWorkProducts(input: $input) { ruleSet points } }', {
    input: {
      cycleId: cycles[quarter], personId, subject, organizationId: ORGANIZATION, titleCode: holder.titleCode, leaveDays: 0, assessed: [{ code: 'GENERAL', percent: 90 }],
      products: [{ code: 'BAO_CAO_QUY', quantity: 1, qualityMet: true, deliveredOn: dayOf(from, reportLate ? 87 : 80) }, { code: 'HO_SO_HO_TICH', quantity: 20, qualityPercent: 95, deliveredOn: to }],
      change: changeOn(to, { number: `BB-${quarter}` }),
    },
  });
};
const annual = async (personId: string, year: number, subject: string) =>
  (await ask<{ annualScore: unknown }>(`{ annualScore(personId: "${personId}", year: ${year}, subject: ${subject}) { points ruleSet levelByPoints } }`)).data?.annualScore;
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['period_score', ...WRITE_TRAIL_TABLES]);

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(evaluationService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
  expect((await ask('mutation ($input: RecordResponsibilityRuleInput!) { recordResponsibilityRule(input: $input) { id } }', { input: rule })).errors).toBeUndefined();
  for (const [quarter, [periodFrom, periodTo]] of Object.entries(QUARTERS) as Array<[Quarter, readonly [string, string]]>) {
    const opened = await ask<{ openEvaluationCycle: { id: string } }>('mutation ($input: OpenEvaluationCycleInput!) { openEvaluationCycle(input: $input) { id } }', {
      input: { unitCode: holder.unitCode, kind: 'QUARTERLY', periodFrom, periodTo, change: changeOn(periodFrom, { number: `KH-${quarter}` }) },
    });
    cycles[quarter] = opened.data?.openEvaluationCycle.id ?? '';
  }
});

afterAll(() => service?.stop());

describe('a Party member: Regulation 124 until 30 Aug 2025, Regulation 366 after', () => {
  it('scores identical work in Q4 2024, Q1 2025 and Q1 2026 at 97 points, under 124, 124 and 366', async () => {
    const scored = [];
    for (const quarter of ['2024Q4', '2025Q1', '2026Q1'] as const) scored.push((await score(quarter, MEMBER, 'PARTY_MEMBER', false)).data?.scoreWorkProducts);
    expect(scored).toEqual([
      { ruleSet: 'QD124-2023-PARTY_MEMBER', points: 97 }, { ruleSet: 'QD124-2023-PARTY_MEMBER', points: 97 }, { ruleSet: 'QD366-2025-PARTY_MEMBER', points: 97 },
    ]);
  });

  it('rates each year by the set in force on its 31 December: 2024 by 124, 2025 (scored under 124) by 366, HTXS at ≥90', async () => {
    expect(await annual(MEMBER, 2024, 'PARTY_MEMBER')).toEqual({ points: 97, ruleSet: 'QD124-2023-PARTY_MEMBER', levelByPoints: 'HTXS' });
    expect(await annual(MEMBER, 2025, 'PARTY_MEMBER')).toEqual({ points: 97, ruleSet: 'QD366-2025-PARTY_MEMBER', levelByPoints: 'HTXS' });
    expect(await annual(MEMBER, 2026, 'PARTY_MEMBER')).toEqual({ points: 97, ruleSet: 'QD366-2025-PARTY_MEMBER', levelByPoints: 'HTXS' });
  });
});

describe('a civil servant: Decree 90 until 31 Dec 2025, Decree 335 from 1 Jan 2026', () => {
  it('refuses to score Q1 2025 by points (Decree 90 rates by qualitative conditions) and writes nothing', async () => {
    const before = await written();
    const refused = await score('2025Q1', CIVIL_SERVANT, 'CIVIL_SERVANT', true);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0].extensions).toMatchObject({ details: { reason: 'RULE_SET_NOT_POINT_BASED', ruleSet: 'ND90-2020-CIVIL_SERVANT' } });
    expect(await written()).toEqual(before);
    expect(await annual(CIVIL_SERVANT, 2025, 'CIVIL_SERVANT')).toBeNull();
  });

  it('scores the same work in Q1 2026 under Decree 335, the late report losing 25%: 88.25, HTT (97 would be HTXS)', async () => {
    // 27 + 70 × (50 × 75% + 50)/100 = 88.25
    expect((await score('2026Q1', CIVIL_SERVANT, 'CIVIL_SERVANT', true)).data?.scoreWorkProducts).toEqual({ ruleSet: 'ND335-2025-CIVIL_SERVANT', points: 88.25 });
    expect(await annual(CIVIL_SERVANT, 2026, 'CIVIL_SERVANT')).toEqual({ points: 88.25, ruleSet: 'ND335-2025-CIVIL_SERVANT', levelByPoints: 'HTT' });
  });
});
