import { AssignmentChanged, demoTerritoryAnnouncements, PersonRegistered, UnitCreated, type UnitVersion } from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, WRITE_TRAIL_TABLES } from '@ps/testing';
import { judgedOn, pickRuleSet } from '../src/rating-engine/rule-set.choice';
import { SHIPPED_RULE_SETS } from '../src/rule-set/shipped.rule-sets';
import { periodScore } from '../src/work-score/period.score';
import { productOutcomes } from '../src/work-score/work-product.score';
import { demoPeriodWork } from '../src/seed/dau-tieng.scores';
import { storyPostsOn, storyReadiness } from '../src/seed/dau-tieng.seed';
import { COMMITTEE_RESPONSIBILITIES, DEMO_YEARS, quartersOf, subjectFor } from '../src/seed/dau-tieng.story';
import { SEED_STEPS } from '../src/seed/seed.steps';
import { evaluationService } from '../src/service';

/**
 * The evaluation seed against the test database: personnel's events for a few of the story's
 * people (An Lập's committee moved to Xã Thanh An on 1 July 2025, Định An's staying), then the
 * seed's steps for 2024 and 2026 as of 5 December 2026, twice.
 */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;
const TODAY = '2026-12-05';

const AN_LAP_COMMITTEE = '11111111-2222-4333-8444-555555555501';
const DINH_AN_COMMITTEE = '11111111-2222-4333-8444-555555555502';
const THANH_AN_COMMITTEE = '11111111-2222-4333-8444-555555555503';
const AN_LAP_PARTY_COMMITTEE = '11111111-2222-4333-8444-555555555504';
const person = (n: number) => `22222222-3333-4444-8555-0000000000${String(n).padStart(2, '0')}`;
const assignment = (n: number) => `33333333-4444-4555-8666-0000000000${String(n).padStart(2, '0')}`;

const unit = (code: string, name: string, tier: UnitVersion['tier'], parentCode: string | null, path: string, validFrom: string, validTo: string | null): OutgoingMessage =>
  eventMessage(UnitCreated, { code, name, tier, parentCode, path, validFrom, validTo, decision: null }, { aggregateId: code, unitPath: path, actor: 'system:test' });
/** Beside the demo territory: Thành phố Hồ Chí Minh and Xã Thanh An, under Dầu Tiếng until the 2025 mergers and under the city since. */
const territory = [
  ...demoTerritoryAnnouncements(),
  unit('79', 'Thành phố Hồ Chí Minh', 'PROVINCE', null, '79', '1976-07-02', null),
  unit('25807', 'Xã Thanh An', 'COMMUNE', '720', '74.720.25807', '1999-01-01', '2025-07-01'),
  unit('25807', 'Xã Thanh An', 'COMMUNE', '79', '79.25807', '2025-07-01', null),
];

const facts = (effectiveDate: string) => ({ effectiveDate, reason: 'Phân công (dữ liệu kiểm thử)', decision: { number: `PC-${effectiveDate}`, date: effectiveDate, signer: 'Chủ tịch UBND huyện' } });
const registered = (n: number, unitCode: string) =>
  eventMessage(PersonRegistered, { personId: person(n), fullName: `Lê Văn Mẫu ${String(n).padStart(4, '0')}`, birthYear: 1975, unitCode, category: 'CADRE', ...facts('2011-07-01') }, { aggregateId: person(n) });
const post = (n: number, action: 'ASSIGNED' | 'MOVED', organizationId: string, unitCode: string, titleCode: string, date: string, concurrent = false) =>
  eventMessage(AssignmentChanged, { assignmentId: assignment(n), personId: person(n), action, organizationId, unitCode, titleCode, seatId: null, concurrent, endReason: null, ...facts(date) }, { aggregateId: assignment(n) });
const AN_LAP_POSTS: Array<[number, string, boolean]> = [[1, 'COMMUNE_COMMITTEE_CHAIR', true], [2, 'COMMUNE_COMMITTEE_VICE_CHAIR', false], [3, 'COMMUNE_OFFICE_STATISTICS', false]];
/** An Lập's chair (also its Party secretary, whose post the story leaves out), vice chair and office clerk moved to Thanh An; Định An's justice officer stayed. */
const personnel = [
  ...[1, 2, 3].map((n) => registered(n, '25801')), registered(4, '25789'),
  ...AN_LAP_POSTS.flatMap(([n, title, concurrent]) => [post(n, 'ASSIGNED', AN_LAP_COMMITTEE, '25801', title, '2011-07-01', concurrent), post(n, 'MOVED', THANH_AN_COMMITTEE, '25807', title, '2025-07-01', concurrent)]),
  eventMessage(AssignmentChanged, { assignmentId: assignment(9), personId: person(1), action: 'ASSIGNED', organizationId: AN_LAP_PARTY_COMMITTEE, unitCode: '25801', titleCode: 'COMMUNE_PARTY_SECRETARY', seatId: null, concurrent: false, endReason: null, ...facts('2011-07-01') }, { aggregateId: assignment(9) }),
  post(4, 'ASSIGNED', DINH_AN_COMMITTEE, '25789', 'COMMUNE_JUSTICE_CIVIL_STATUS', '2011-07-01'),
];

const count = async (sql: string) => (await service.dataSource.query(sql))[0].n as number;
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['responsibility_rule', 'evaluation_cycle', 'period_score', 'evaluation', 'evaluation_step', ...WRITE_TRAIL_TABLES]);
async function runSeed(): Promise<Array<[string, number, number]>> {
  const added: Array<[string, number, number]> = [];
  for (const year of DEMO_YEARS) for (const step of SEED_STEPS) added.push([step.name, year, await step.run(service.dataSource, year, TODAY)]);
  return added;
}

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(evaluationService, env);
  await publishAndAwait(territory, (messages) => service.bus.publish(messages), () => count('SELECT count(*)::int AS n FROM territory_unit'), 'territory projected');
  await publishAndAwait(personnel, (messages) => service.bus.publish(messages), () => count("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'evaluation.personnel'"), 'people and posts projected');
});

afterAll(() => service?.stop());

describe('the Dầu Tiếng evaluation seed', () => {
  it('finds the People’s Committee posts held in the district’s communes on its last day, each where it lay on a date', async () => {
    expect(await storyReadiness(service.dataSource)).toEqual({ held: 4, stranded: 0 });
    const where = async (date: string) => (await storyPostsOn(service.dataSource, date)).map((found) => [found.titleCode, found.unitCode, found.unitPath]);
    expect(await where('2024-12-31')).toEqual([
      ['COMMUNE_JUSTICE_CIVIL_STATUS', '25789', '74.720.25789'],
      ['COMMUNE_COMMITTEE_CHAIR', '25801', '74.720.25801'], ['COMMUNE_COMMITTEE_VICE_CHAIR', '25801', '74.720.25801'], ['COMMUNE_OFFICE_STATISTICS', '25801', '74.720.25801'],
    ]);
    expect((await where('2026-03-31')).map(([title, code]) => `${title}@${code}`)).toEqual([
      'COMMUNE_JUSTICE_CIVIL_STATUS@25789', 'COMMUNE_COMMITTEE_CHAIR@25807', 'COMMUNE_COMMITTEE_VICE_CHAIR@25807', 'COMMUNE_OFFICE_STATISTICS@25807',
    ]);
  });

  it('leaves a year not yet begun alone: no decision is dated ahead', async () => {
    const before = await written();
    for (const step of SEED_STEPS) expect(await step.run(service.dataSource, 2026, '2025-12-31')).toBe(0);
    expect(await written()).toEqual(before);
  });

  it('records rules, cycles and the ended quarters’ scores of 2024 and 2026 through the services, with their decisions and audit rows', async () => {
    const before = await written();
    expect(await runSeed()).toEqual([
      ['job-responsibility rules', 2024, 4], ['quarterly cycles', 2024, 8], ['period scores', 2024, 16], ['ratings through the workflow', 2024, 4],
      ['job-responsibility rules', 2026, 4], ['quarterly cycles', 2026, 8], ['period scores', 2026, 12], ['ratings through the workflow', 2026, 4],
    ]);
    const after = await written();
    // one audit row a write (52 for the work, then 4 steps a person and one decision a committee a year: 2 × (16 + 2));
    // one decision a commune's document: its rules of a year (4), its plan of a quarter (16), its scoring minutes of a quarter (8 + 6),
    // and a year's five workflow documents (2 communes × 5 × 2 years)
    expect(after).toMatchObject({ responsibility_rule: 8, evaluation_cycle: 16, period_score: 28, evaluation: 8, evaluation_step: 40, audit_log: before.audit_log + 88, decision: before.decision + 54 });
    // the seed acts as an officer of the province the commune lay in: Bình Dương for 2024 and for Định An, the city for Thanh An in 2026
    const actors: Array<{ actor: string }> = await service.dataSource.query("SELECT DISTINCT user_id || '@' || actor_unit_code AS actor FROM audit_log ORDER BY 1");
    expect(actors.map((row) => row.actor)).toEqual(['system:seed@74', 'system:seed@79']);
  });

  it('scores 2024 under Regulation 124 and 2026 under Decree 335 (civil servants) and Regulation 366 (the chair and vice chair)', async () => {
    const sets: Array<{ year: number; title: string; ruleSet: string; n: number }> = await service.dataSource.query(
      `SELECT extract(year FROM period_from)::int AS year, title_code AS title, result->>'ruleSet' AS "ruleSet", count(*)::int AS n
         FROM period_score GROUP BY 1, 2, 3 ORDER BY 1, 2`,
    );
    expect(sets.map(({ year, title, ruleSet, n }) => `${year} ${title} ${ruleSet} ×${n}`)).toEqual([
      '2024 COMMUNE_COMMITTEE_CHAIR QD124-2023-PARTY_MEMBER ×4', '2024 COMMUNE_COMMITTEE_VICE_CHAIR QD124-2023-PARTY_MEMBER ×4',
      '2024 COMMUNE_JUSTICE_CIVIL_STATUS QD124-2023-PARTY_MEMBER ×4', '2024 COMMUNE_OFFICE_STATISTICS QD124-2023-PARTY_MEMBER ×4',
      '2026 COMMUNE_COMMITTEE_CHAIR QD366-2025-PARTY_MEMBER ×3', '2026 COMMUNE_COMMITTEE_VICE_CHAIR QD366-2025-PARTY_MEMBER ×3',
      '2026 COMMUNE_JUSTICE_CIVIL_STATUS ND335-2025-CIVIL_SERVANT ×3', '2026 COMMUNE_OFFICE_STATISTICS ND335-2025-CIVIL_SERVANT ×3',
    ]);
  });

  it('stores the points the story’s work gives under the rule set in force', async () => {
    const [clerk] = await storyPostsOn(service.dataSource, '2026-06-30').then((posts) => posts.filter((found) => found.titleCode === 'COMMUNE_OFFICE_STATISTICS'));
    const period = quartersOf(2026)[1];
    const work = demoPeriodWork(clerk.fullName, clerk.titleCode, COMMITTEE_RESPONSIBILITIES[clerk.titleCode], period);
    const expected = periodScore(pickRuleSet(SHIPPED_RULE_SETS, subjectFor(clerk.titleCode, period), judgedOn(period)), [{ code: 'GENERAL', percent: work.generalPercent }],
      productOutcomes(COMMITTEE_RESPONSIBILITIES[clerk.titleCode], work.delivered, period));
    const [stored] = await service.dataSource.query('SELECT points, leave_days AS "leaveDays", unit_code AS "unitCode" FROM period_score WHERE person_id = $1 AND period_from = $2', [clerk.personId, period.from]);
    expect(stored).toEqual({ points: expected.points, leaveDays: work.leaveDays, unitCode: '25807' });
  });

  it('rates each year through the whole workflow at the level the points give (or lower by a rule it names), under the set in force on 31 December, announced once each', async () => {
    const rated: Array<{ year: number; title: string; ruleSet: string; level: string; byPoints: string; applied: Array<{ rule: string; level: string }>; steps: string }> = await service.dataSource.query(
      `SELECT evaluation.year, evaluation.title_code AS title, evaluation.rule_set AS "ruleSet", evaluation.level, evaluation.judgement->>'proposed' AS "byPoints", evaluation.judgement->'applied' AS applied,
              string_agg(step.step, ' ' ORDER BY step.recorded_at, step.id) AS steps
         FROM evaluation JOIN evaluation_step step ON step.evaluation_id = evaluation.id
        WHERE evaluation.status = 'DECIDED' AND evaluation.revision = 1 GROUP BY evaluation.id ORDER BY 1, 2`,
    );
    expect(rated.map(({ year, title, ruleSet }) => `${year} ${title} ${ruleSet}`)).toEqual([
      '2024 COMMUNE_COMMITTEE_CHAIR QD124-2023-PARTY_MEMBER', '2024 COMMUNE_COMMITTEE_VICE_CHAIR QD124-2023-PARTY_MEMBER',
      '2024 COMMUNE_JUSTICE_CIVIL_STATUS QD124-2023-PARTY_MEMBER', '2024 COMMUNE_OFFICE_STATISTICS QD124-2023-PARTY_MEMBER',
      '2026 COMMUNE_COMMITTEE_CHAIR QD366-2025-PARTY_MEMBER', '2026 COMMUNE_COMMITTEE_VICE_CHAIR QD366-2025-PARTY_MEMBER',
      '2026 COMMUNE_JUSTICE_CIVIL_STATUS ND335-2025-CIVIL_SERVANT', '2026 COMMUNE_OFFICE_STATISTICS ND335-2025-CIVIL_SERVANT',
    ]);
    for (const evaluation of rated) {
      expect(evaluation.steps).toBe('OPENED SELF_ASSESSMENT STAFF_MEETING MANAGER_PROPOSAL HEAD_DECISION');
      // the points' level, or lower only by a rule the judgement names (the Party's rules also read the tasks on time and late)
      expect(evaluation.applied.at(-1)?.level ?? evaluation.byPoints).toBe(evaluation.level);
      for (const rule of evaluation.applied) expect(rule.rule).toMatch(/^(POINTS_BAND|BAND_[A-Z]+_CONDITIONS)/);
    }
    const announced = await count("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'EvaluationFinalized'");
    expect(announced).toBe(8);
  });

  it('adds nothing when run again', async () => {
    const before = await written();
    expect((await runSeed()).map(([, , added]) => added)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await written()).toEqual(before);
  });
});
