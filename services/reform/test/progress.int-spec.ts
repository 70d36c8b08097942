import { UnitsMerged } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import type { RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, eventually, queryEntities, tokenFor } from '@ps/testing';
import { announceAssignees, organizationIn, personIn } from './assignees.fixtures';
import { createdId, mutate, startReform } from './reform-client';

let service: RunningService;
const dinhAnCommittee = organizationIn('25789', 'Ủy ban nhân dân xã Định An');
const anLapCommittee = organizationIn('25801', 'Ủy ban nhân dân xã An Lập');
const owner = personIn('720', 'Trần Văn Mẫu 0002');
const SELECTION = 'plans tasks completedTasks overdueTasks inProgressTasks averageCompletion completionRate indicators { name measure plans reporting target actual achievedPercent }';

/** The roll-up of each unit as of a date, as a user sees it. */
const progressOf = async (username: string, codes: string[], asOf: string) => {
  const response = await queryEntities<{ code: string; progress: Record<string, unknown> }>(
    service.url, 'AdministrativeUnit', codes.map((code) => ({ code })), `code progress(asOf: "${asOf}") { ${SELECTION} }`, await tokenFor(username),
  );
  expect(response.errors).toBeUndefined();
  return Object.fromEntries((response.data?._entities ?? []).map(({ code, progress }) => [code, progress]));
};

/** A commune's plan adopted on 2013-09-15, with an indicator and its actuals; returns the plan id. */
async function communePlan(unitCode: string, actuals: Array<[string, number]>): Promise<string> {
  const planId = createdId(await mutate(service, DEMO_USERS.districtOfficer, 'createReformPlan', 'CreateReformPlanInput', {
    unitCode, title: 'Kế hoạch thực hiện Kết luận Hội nghị Trung ương 7', resolutionRef: '64-KL/TW', change: changeOn('2013-09-15'),
  }), 'createReformPlan');
  const indicatorId = createdId(await mutate(service, DEMO_USERS.districtOfficer, 'addReformIndicator', 'AddReformIndicatorInput', {
    planId, name: 'Cán bộ, công chức đạt chuẩn', measure: '%', target: 100, change: changeOn('2013-10-01'),
  }), 'addReformIndicator');
  for (const [year, actual] of actuals) {
    const recorded = await mutate(service, DEMO_USERS.districtOfficer, 'recordIndicatorActual', 'RecordIndicatorActualInput', {
      indicatorId, periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, actual, change: changeOn(`${year}-12-31`),
    });
    expect(recorded.errors).toBeUndefined();
  }
  return planId;
}

/** A task of a plan, assigned on 2013-10-01, with its progress reports [date, completion]. */
async function planTask(planId: string, organizationId: string, deadline: string, reports: Array<[string, number]>): Promise<void> {
  const taskId = createdId(await mutate(service, DEMO_USERS.districtOfficer, 'assignReformTask', 'AssignReformTaskInput', {
    planId, title: `Nhiệm vụ đến ${deadline}`, organizationIds: [organizationId], ownerPersonId: owner.personId, deadline, change: changeOn('2013-10-01'),
  }), 'assignReformTask');
  for (const [on, completion] of reports) {
    const reported = await mutate(service, DEMO_USERS.districtOfficer, 'reportTaskProgress', 'ReportTaskProgressInput', {
      taskId, completion, evidence: 'Biên bản kiểm tra', change: changeOn(on),
    });
    expect(reported.errors).toBeUndefined();
  }
}

beforeAll(async () => {
  service = await startReform();
  await announceAssignees(service, [dinhAnCommittee, anLapCommittee], [owner]);
  const anLap = await communePlan('25801', [['2014', 80], ['2019', 100]]);
  await planTask(anLap, anLapCommittee.id, '2014-12-31', [['2014-11-30', 100]]);
  const dinhAn = await communePlan('25789', [['2014', 90], ['2019', 100]]);
  await planTask(dinhAn, dinhAnCommittee.id, '2015-12-31', [['2014-10-01', 50]]);
  await planTask(dinhAn, dinhAnCommittee.id, '2018-12-31', []);
});

afterAll(() => service?.stop());

describe('the progress roll-up by tier', () => {
  it('adds up a district’s communes as of 2014-12-31 and as of 2020-12-31', async () => {
    const district = async (asOf: string) => (await progressOf(DEMO_USERS.districtAdmin, ['720', '74'], asOf));
    expect(await district('2014-12-31')).toEqual({
      720: {
        plans: 2, tasks: 3, completedTasks: 1, overdueTasks: 0, inProgressTasks: 2, averageCompletion: 50, completionRate: 33.3,
        indicators: [{ name: 'Cán bộ, công chức đạt chuẩn', measure: '%', plans: 2, reporting: 2, target: 200, actual: 170, achievedPercent: 85 }],
      },
      74: expect.objectContaining({ plans: 2, tasks: 3 }),
    });
    expect((await district('2020-12-31'))[720]).toEqual({
      plans: 2, tasks: 3, completedTasks: 1, overdueTasks: 2, inProgressTasks: 0, averageCompletion: 50, completionRate: 33.3,
      indicators: [{ name: 'Cán bộ, công chức đạt chuẩn', measure: '%', plans: 2, reporting: 2, target: 200, actual: 200, achievedPercent: 100 }],
    });
    expect((await district('2013-09-14'))[720]).toMatchObject({ plans: 0, tasks: 0, averageCompletion: null, indicators: [] });
  });

  it('shows a commune’s officer only its own commune, even asking for the district', async () => {
    expect(await progressOf(DEMO_USERS.anLapAdmin, ['720', '25801', '25789'], '2014-12-31')).toEqual({
      720: expect.objectContaining({ plans: 1, tasks: 1, completedTasks: 1, indicators: [expect.objectContaining({ plans: 1, actual: 80 })] }),
      25801: expect.objectContaining({ plans: 1, tasks: 1, completedTasks: 1 }),
      25789: expect.objectContaining({ plans: 0, tasks: 0, indicators: [] }),
    });
  });

  it('adds up an organization’s tasks', async () => {
    const response = await queryEntities<{ progress: Record<string, unknown> }>(
      service.url, 'Organization', [{ id: dinhAnCommittee.id }], 'progress(asOf: "2016-01-01") { plans tasks overdueTasks inProgressTasks averageCompletion indicators { name } }',
      await tokenFor(DEMO_USERS.districtAdmin),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities[0].progress).toEqual({ plans: 1, tasks: 2, overdueTasks: 1, inProgressTasks: 1, averageCompletion: 25, indicators: [] });
  });

  it('counts a merged-away commune’s plan under its successor, directly under the province, from the merger date', async () => {
    const successor = { code: '25789', name: 'Xã Định An', tier: 'COMMUNE' as const, path: '74.25789', parentCode: '74', validFrom: '2025-07-01', validTo: null, decision: null };
    const merger = { predecessors: ['25801', '25789'], successor, rehomed: [], endedOrganizations: [], effectiveDate: '2025-07-01', reason: 'Sắp xếp', decision: null };
    // Delivered twice: the succession is recorded once.
    await service.bus.publish([0, 1].map(() => eventMessage(UnitsMerged, merger, { aggregateId: '25789', actor: 'system:test' })));
    await eventually(
      async () => ((await service.dataSource.query("SELECT count(*)::int AS n FROM reform_unit_succession WHERE predecessor_code = '25801'"))[0].n === 1 ? true : undefined),
      { what: 'succession projected' },
    );
    await eventually(
      async () => ((await service.dataSource.query("SELECT count(*)::int AS n FROM territory_unit WHERE code = '25789'"))[0].n === 2 ? true : undefined),
      { what: 'merge projected' },
    );
    const before = await progressOf(DEMO_USERS.provinceAdmin, ['74', '720', '25789'], '2025-06-30');
    expect([before[74], before[720], before[25789]].map((progress) => progress.plans)).toEqual([2, 2, 1]);
    const after = await progressOf(DEMO_USERS.provinceAdmin, ['74', '720', '25789'], '2025-07-01');
    expect([after[74], after[720], after[25789]].map((progress) => progress.plans)).toEqual([2, 0, 2]);
    expect(after[25789]).toMatchObject({ tasks: 3, completedTasks: 1, overdueTasks: 2 });
    expect((await progressOf(DEMO_USERS.anLapAdmin, ['25789'], '2025-07-01'))[25789]).toMatchObject({ plans: 0 });
  });
});
