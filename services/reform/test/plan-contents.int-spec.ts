import { randomUUID } from 'node:crypto';
import { REFORM_TOPIC } from '@ps/contracts';
import type { RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, errorCodes, eventually, queryEntities, rowCounts, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { announceAssignees, organizationIn, personIn } from './assignees.fixtures';
import { createdId, mutate, startReform } from './reform-client';

let service: RunningService;
const CONTENT_TABLES = ['reform_source_document', 'reform_plan', 'reform_goal', 'reform_task', 'reform_task_progress', 'reform_indicator', 'reform_indicator_actual'];
const written = () => rowCounts((sql) => service.dataSource.query(sql), [...CONTENT_TABLES, ...WRITE_TRAIL_TABLES]);
const committee = organizationIn('25801', 'Ủy ban nhân dân xã An Lập');
const owner = personIn('25801', 'Nguyễn Văn Mẫu 0001');
const ids: Record<string, string> = {};

/** The Conclusion of the 7th plenum (XI), as the seed district's plan cites it. */
const conclusion = {
  unitCode: '720', kind: 'CONCLUSION', number: '64-KL/TW', title: 'Kết luận Hội nghị Trung ương 7 khóa XI về đổi mới, hoàn thiện hệ thống chính trị',
  issuedOn: '2013-05-28', issuer: 'Ban Chấp hành Trung ương', level: 'CENTRAL', change: changeOn('2013-06-01', { number: '01/VP-HU', decidedOn: '2013-06-01' }),
};
const task = () => ({
  planId: ids.plan, title: 'Rà soát chức năng, nhiệm vụ các tổ chức', organizationIds: [committee.id], ownerPersonId: owner.personId, deadline: '2014-12-31',
  change: changeOn('2013-10-01', { number: '12/QĐ-UBND', decidedOn: '2013-10-01' }),
});
const report = (completion: number, on: string, evidence = 'Báo cáo kết quả rà soát') => ({
  taskId: ids.task, completion, evidence, links: ['https://dautieng.binhduong.gov.vn/bao-cao'], change: changeOn(on, { number: `BC-${on}`, decidedOn: on }),
});

/** An Lập's plans as of a date, with everything they hold and each task's standing that day. */
const anLapPlan = async (asOf: string) => {
  const response = await queryEntities<{ plans: Array<Record<string, unknown>> }>(
    service.url, 'AdministrativeUnit', [{ code: '25801' }],
    `plans(asOf: "${asOf}") { resolutionRef sourceDocument { number issuer } goals { description targetYear }
       tasks { title deadline completion standing progressReports { completion evidence links } }
       indicators { name target actuals { periodTo actual } } }`,
    await tokenFor(DEMO_USERS.anLapAdmin),
  );
  expect(response.errors).toBeUndefined();
  return response.data?._entities[0].plans;
};

beforeAll(async () => {
  service = await startReform();
  await announceAssignees(service, [committee], [owner]);
});

afterAll(() => service?.stop());

describe('a plan implementing a source document', () => {
  it('records the document once, on a decision with its audit row', async () => {
    const before = await written();
    ids.document = createdId(await mutate(service, DEMO_USERS.districtOfficer, 'recordSourceDocument', 'RecordSourceDocumentInput', conclusion), 'recordSourceDocument');
    expect(await written()).toEqual({ ...before, reform_source_document: before.reform_source_document + 1, decision: before.decision + 1, audit_log: before.audit_log + 1 });
    const again = await mutate(service, DEMO_USERS.districtOfficer, 'recordSourceDocument', 'RecordSourceDocumentInput', { ...conclusion, issuer: 'ban chấp hành trung ương' });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors?.[0].message).toMatch(/^Văn bản 64-KL\/TW .* đã được ghi nhận/);
  });

  it('drafts a commune’s plan citing it, with goals to 2015 and a direction to 2020, then tasks, progress and indicators', async () => {
    const plan = await mutate(service, DEMO_USERS.anLapOfficer, 'createReformPlan', 'CreateReformPlanInput', {
      unitCode: '25801', title: 'Kế hoạch thực hiện Kết luận Hội nghị Trung ương 7', sourceDocumentId: ids.document,
      goals: [{ description: 'Định hướng: bộ máy tinh gọn, hiệu lực', targetYear: 2020 }, { description: 'Kiện toàn tổ chức bộ máy xã', targetYear: 2015 }],
      change: changeOn('2013-09-15', { number: '05/KH-UBND', decidedOn: '2013-09-15' }),
    });
    ids.plan = createdId(plan, 'createReformPlan');
    const before = await written();
    ids.task = createdId(await mutate(service, DEMO_USERS.anLapOfficer, 'assignReformTask', 'AssignReformTaskInput', task()), 'assignReformTask');
    expect(errorCodes(await mutate(service, DEMO_USERS.anLapOfficer, 'reportTaskProgress', 'ReportTaskProgressInput', report(60, '2014-06-30')))).toEqual([]);
    expect(await written()).toEqual({
      ...before, reform_task: before.reform_task + 1, reform_task_progress: before.reform_task_progress + 1,
      decision: before.decision + 2, audit_log: before.audit_log + 2, outbox: before.outbox + 2,
    });
    const events = await eventually(async () => {
      const found = (await service.bus.readAll(REFORM_TOPIC)).filter((message) => message.key === ids.task).map((message) => JSON.parse(message.value ?? '{}'));
      return found.length === 2 ? found : undefined;
    }, { what: 'the task’s events on Kafka' });
    expect(events.map(({ type, payload }) => [type, payload.effectiveDate, payload.deadline ?? payload.completion])).toEqual(
      expect.arrayContaining([['ReformTaskAssigned', '2013-10-01', '2014-12-31'], ['ReformTaskProgressReported', '2014-06-30', 60]]),
    );
    ids.indicator = createdId(await mutate(service, DEMO_USERS.anLapOfficer, 'addReformIndicator', 'AddReformIndicatorInput', {
      planId: ids.plan, name: 'Cán bộ, công chức xã đạt chuẩn', measure: '%', target: 100, change: changeOn('2013-10-01'),
    }), 'addReformIndicator');
    expect(errorCodes(await mutate(service, DEMO_USERS.anLapOfficer, 'recordIndicatorActual', 'RecordIndicatorActualInput', {
      indicatorId: ids.indicator, periodFrom: '2014-01-01', periodTo: '2014-12-31', actual: 85, change: changeOn('2015-01-10'),
    }))).toEqual([]);

    expect(await anLapPlan('2014-12-31')).toEqual([{
      resolutionRef: '64-KL/TW', sourceDocument: { number: '64-KL/TW', issuer: 'Ban Chấp hành Trung ương' },
      goals: [{ description: 'Kiện toàn tổ chức bộ máy xã', targetYear: 2015 }, { description: 'Định hướng: bộ máy tinh gọn, hiệu lực', targetYear: 2020 }],
      tasks: [{
        title: 'Rà soát chức năng, nhiệm vụ các tổ chức', deadline: '2014-12-31', completion: 60, standing: 'IN_PROGRESS',
        progressReports: [{ completion: 60, evidence: 'Báo cáo kết quả rà soát', links: ['https://dautieng.binhduong.gov.vn/bao-cao'] }],
      }],
      indicators: [{ name: 'Cán bộ, công chức xã đạt chuẩn', target: 100, actuals: [] }],
    }]);
    expect(await anLapPlan('2013-09-14')).toEqual([]);
  });

  it('tells an overdue task as of any date: in time on its deadline, overdue after it until completed', async () => {
    expect(errorCodes(await mutate(service, DEMO_USERS.anLapOfficer, 'reportTaskProgress', 'ReportTaskProgressInput', report(100, '2015-03-01', 'Đã ban hành quy chế')))).toEqual([]);
    const standings = async (asOf: string) => (await anLapPlan(asOf))?.map((plan) => (plan.tasks as Array<{ standing: string; completion: number }>)[0]);
    expect(await standings('2014-12-31')).toEqual([expect.objectContaining({ standing: 'IN_PROGRESS', completion: 60 })]);
    expect(await standings('2015-01-01')).toEqual([expect.objectContaining({ standing: 'OVERDUE', completion: 60 })]);
    expect(await standings('2015-03-01')).toEqual([expect.objectContaining({ standing: 'COMPLETED', completion: 100 })]);
    const actuals = (await anLapPlan('2015-01-10'))?.[0].indicators;
    expect(actuals).toEqual([{ name: 'Cán bộ, công chức xã đạt chuẩn', target: 100, actuals: [{ periodTo: '2014-12-31', actual: 85 }] }]);
  });

  const refusals: Array<[string, string, string, string, () => Record<string, unknown>, string]> = [
    ['a goal year out of range', DEMO_USERS.anLapOfficer, 'createReformPlan', 'CreateReformPlanInput',
      () => ({ unitCode: '25801', title: 'KH', sourceDocumentId: ids.document, goals: [{ description: 'x', targetYear: 3015 }], change: changeOn('2014-01-01') }), 'BAD_USER_INPUT'],
    ['a document that does not exist', DEMO_USERS.anLapOfficer, 'createReformPlan', 'CreateReformPlanInput',
      () => ({ unitCode: '25801', title: 'KH', sourceDocumentId: randomUUID(), change: changeOn('2014-01-01') }), 'NOT_FOUND'],
    ['a blank task', DEMO_USERS.anLapOfficer, 'assignReformTask', 'AssignReformTaskInput', () => ({ ...task(), title: '  ' }), 'BAD_USER_INPUT'],
    ['a malformed organization id', DEMO_USERS.anLapOfficer, 'assignReformTask', 'AssignReformTaskInput', () => ({ ...task(), organizationIds: ['ubnd'] }), 'BAD_USER_INPUT'],
    ['a deadline before the assignment', DEMO_USERS.anLapOfficer, 'assignReformTask', 'AssignReformTaskInput', () => ({ ...task(), deadline: '2013-01-01' }), 'BAD_USER_INPUT'],
    ['a task on a plan not yet in force', DEMO_USERS.anLapOfficer, 'assignReformTask', 'AssignReformTaskInput',
      () => ({ ...task(), change: changeOn('2013-09-01') }), 'NOT_FOUND'],
    ['a task on another commune’s plan', DEMO_USERS.dinhAnAdmin, 'assignReformTask', 'AssignReformTaskInput', () => task(), 'FORBIDDEN'],
    ['a viewer', DEMO_USERS.districtViewer, 'assignReformTask', 'AssignReformTaskInput', () => task(), 'FORBIDDEN'],
    ['a completion over 100', DEMO_USERS.anLapOfficer, 'reportTaskProgress', 'ReportTaskProgressInput', () => report(120, '2015-04-01'), 'BAD_USER_INPUT'],
    ['evidence without text', DEMO_USERS.anLapOfficer, 'reportTaskProgress', 'ReportTaskProgressInput', () => report(70, '2015-04-01', ' '), 'BAD_USER_INPUT'],
    ['a link that is no web address', DEMO_USERS.anLapOfficer, 'reportTaskProgress', 'ReportTaskProgressInput', () => ({ ...report(70, '2015-04-01'), links: ['ổ C:'] }), 'BAD_USER_INPUT'],
    ['a negative target', DEMO_USERS.anLapOfficer, 'addReformIndicator', 'AddReformIndicatorInput',
      () => ({ planId: ids.plan, name: 'x', measure: '%', target: -1, change: changeOn('2014-01-01') }), 'BAD_USER_INPUT'],
    ['an actual reported before its period ends', DEMO_USERS.anLapOfficer, 'recordIndicatorActual', 'RecordIndicatorActualInput',
      () => ({ indicatorId: ids.indicator, periodFrom: '2015-01-01', periodTo: '2015-12-31', actual: 90, change: changeOn('2015-06-30') }), 'BAD_USER_INPUT'],
    ['a document issued after it is recorded', DEMO_USERS.districtOfficer, 'recordSourceDocument', 'RecordSourceDocumentInput',
      () => ({ ...conclusion, number: '39-NQ/TW', issuedOn: '2015-04-17' }), 'BAD_USER_INPUT'],
  ];

  it.each(refusals)('refuses %s with a typed error, Vietnamese first, and writes nothing', async (_case, username, name, inputType, input, code) => {
    const before = await written();
    const response = await mutate(service, username, name, inputType, input());
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0].message).toMatch(/^[^/]*[ạảãáàâấầẩẫậăắằẳẵặđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ]/i);
    expect(await written()).toEqual(before);
  });
});
