import { DEMO_USERS, graphqlRequest, queryDatabase, tokenFor, type StartedProcess } from '@ps/testing';
import { databaseOf, everyServiceProjectedTheTerritory, gatewayUrl, runServiceSeed, startPlatform, stopPlatform } from './platform';

/**
 * The seed story's reform plans through the gateway: the reform seed as `npm start` runs it after
 * personnel's (Conclusion 64-KL/TW, the district's and the communes' plans, tasks, progress,
 * indicators, An Lập's proposal waiting for the district), read by the district and by An Lập.
 */
const PROGRESS = 'plans tasks completedTasks overdueTasks inProgressTasks averageCompletion completionRate indicators { name measure plans reporting target actual achievedPercent }';

interface Progress {
  plans: number;
  tasks: number;
  completedTasks: number;
  overdueTasks: number;
  inProgressTasks: number;
  averageCompletion: number | null;
  completionRate: number | null;
  indicators: Array<{ name: string; actual: number; achievedPercent: number | null }>;
}

let platform: StartedProcess[] = [];
const seconds: Record<string, number> = {};

/** A unit's roll-up as of two dates, as a user asks it. */
async function progressOf(username: string, code: string): Promise<{ end2014: Progress; end2020: Progress }> {
  const response = await graphqlRequest<{ end2014: { progress: Progress }; end2020: { progress: Progress } }>(
    gatewayUrl,
    `{ end2014: unit(code: "${code}", asOf: "2014-12-31") { progress(asOf: "2014-12-31") { ${PROGRESS} } }
       end2020: unit(code: "${code}", asOf: "2020-12-31") { progress(asOf: "2020-12-31") { ${PROGRESS} } } }`,
    { token: await tokenFor(username) },
  );
  expect(response.errors).toBeUndefined();
  return { end2014: response.data?.end2014.progress as Progress, end2020: response.data?.end2020.progress as Progress };
}

const seededRows = async () =>
  (await queryDatabase<Record<string, number>>(
    databaseOf('reform'),
    `SELECT (SELECT count(*)::int FROM reform_source_document) AS documents, (SELECT count(*)::int FROM reform_plan) AS plans,
            (SELECT count(*)::int FROM reform_task) AS tasks, (SELECT count(*)::int FROM reform_task_progress) AS reports,
            (SELECT count(*)::int FROM reform_indicator) AS indicators, (SELECT count(*)::int FROM reform_indicator_actual) AS actuals,
            (SELECT count(*)::int FROM staffing_proposal) AS proposals, (SELECT count(*)::int FROM decision) AS decisions,
            (SELECT count(*)::int FROM audit_log) AS audit`,
  ))[0];

beforeAll(async () => {
  platform = await startPlatform();
  // A shared, loaded machine projects the 10,800 units slowly; the figure is printed, not asserted
  // (near 0 when the platform started from the run's snapshots, the territory already in).
  const started = Date.now();
  await everyServiceProjectedTheTerritory(undefined, 600_000);
  seconds.territory = (Date.now() - started) / 1000;
  seconds.personnel = runServiceSeed('personnel');
  seconds.reform = runServiceSeed('reform');
}, 1_500_000);

afterAll(() => stopPlatform(platform));

describe('the seed story’s reform plans', () => {
  it('rolls the district up: four tasks done and eight overdue at the end of 2014, 32 done and four overdue at the end of 2020', async () => {
    const { end2014, end2020 } = await progressOf(DEMO_USERS.districtAdmin, '720');
    process.stdout.write(`[reform story] territory projected in ${seconds.territory.toFixed(1)} s (after the platform started), personnel seed ${seconds.personnel.toFixed(1)} s, reform seed ${seconds.reform.toFixed(1)} s\n`);
    expect(end2014).toEqual({
      plans: 13, tasks: 36, completedTasks: 4, overdueTasks: 8, inProgressTasks: 24, averageCompletion: 23.3, completionRate: 11.1,
      indicators: [
        { name: 'Biên chế giảm so với năm 2013', measure: '%', plans: 1, reporting: 1, target: 10, actual: 1.5, achievedPercent: 15 },
        { name: 'Cán bộ, công chức xã đạt chuẩn', measure: '%', plans: 12, reporting: 12, target: 1200, actual: 828, achievedPercent: 69 },
        { name: 'Xã có Bí thư đồng thời là Chủ tịch Ủy ban nhân dân', measure: 'xã', plans: 1, reporting: 1, target: 4, actual: 3, achievedPercent: 75 },
      ],
    });
    expect(end2020).toMatchObject({ plans: 13, tasks: 36, completedTasks: 32, overdueTasks: 4, inProgressTasks: 0, averageCompletion: 98.9, completionRate: 88.9 });
    expect(end2020.indicators.map((indicator) => [indicator.actual, indicator.achievedPercent])).toEqual([[10.2, 102], [1160, 96.7], [3, 75]]);
  });

  it('shows An Lập its own plan only: in progress in 2014, overdue at 90% in 2020', async () => {
    const { end2014, end2020 } = await progressOf(DEMO_USERS.anLapAdmin, '25801');
    expect(end2014).toEqual({
      plans: 1, tasks: 1, completedTasks: 0, overdueTasks: 0, inProgressTasks: 1, averageCompletion: 0, completionRate: 0,
      indicators: [{ name: 'Cán bộ, công chức xã đạt chuẩn', measure: '%', plans: 1, reporting: 1, target: 100, actual: 62, achievedPercent: 62 }],
    });
    expect(end2020).toMatchObject({ plans: 1, tasks: 1, completedTasks: 0, overdueTasks: 1, averageCompletion: 90 });
  });

  it('names the tasks’ organizations and owners by reference, two organizations of the commune each', async () => {
    const response = await graphqlRequest<{ unit: { plans: Array<{ title: string; tasks: Array<{ organizationIds: string[]; organizations: unknown[]; ownerPersonId: string }> }> } }>(
      gatewayUrl,
      '{ unit(code: "25801", asOf: "2014-12-31") { plans(asOf: "2014-12-31") { title tasks { organizationIds organizations { id } ownerPersonId } } } }',
      { token: await tokenFor(DEMO_USERS.anLapAdmin) },
    );
    expect(response.errors).toBeUndefined();
    const tasks = response.data?.unit.plans.flatMap((plan) => plan.tasks) ?? [];
    expect(tasks.map((task) => [task.organizationIds.length, task.organizations.length])).toEqual([[2, 2]]);
  });

  it('leaves An Lập’s staffing proposal in the district organization board’s inbox, submitted in May 2025', async () => {
    const response = await graphqlRequest<{ staffingProposalsAwaiting: Array<{ title: string; unitCode: string; status: string }> }>(
      gatewayUrl, '{ staffingProposalsAwaiting(step: APPRAISAL) { title unitCode status } }', { token: await tokenFor(DEMO_USERS.districtOrganizationBoard) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.staffingProposalsAwaiting).toEqual([
      { title: 'Đề án bổ sung biên chế công chức Văn phòng – Thống kê xã An Lập', unitCode: '25801', status: 'SUBMITTED' },
    ]);
  });

  it('is seeded once: a second run adds no plan, task, report, decision or audit row', async () => {
    const before = await seededRows();
    expect(before).toMatchObject({ documents: 1, plans: 13, tasks: 36, reports: 80, indicators: 14, actuals: 98, proposals: 1 });
    runServiceSeed('reform');
    expect(await seededRows()).toEqual(before);
  });
});
