import { organizationService } from '@ps/organization/dist/service';
import { seedDauTiengStory } from '@ps/organization/dist/seed/dau-tieng-story';
import { seedDemoTerritory } from '@ps/organization/dist/seed/demo-territory';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, eventually, recreateTestDatabase, serviceTestEnv } from '@ps/testing';
import { reformService } from '../src/service';
import { announceAssignees, personIn } from './assignees.fixtures';
import { draftInput, stepInput } from './proposal.fixtures';
import { ask, caughtUp, created, followed, MERGER, on, plansCounted, plansOf, proposalAs, redeliveries } from './restructuring.fixtures';

/**
 * Organization merges Xã An Lập and Xã Định Hiệp into Xã Thanh An through its own mutation; reform,
 * on its own database and the same Kafka topics, carries An Lập's plan, the tasks of its closed
 * People's Committee and its open proposals to the successors, once, however often the events come.
 */
const reformEnv = loadEnv(serviceEnvSchema, serviceTestEnv('reform', 'ps_reform_restructuring_test'));
const organizationEnv = loadEnv(serviceEnvSchema, { ...serviceTestEnv('organization', 'ps_organization_restructuring_test'), KAFKA_TOPIC_PREFIX: reformEnv.KAFKA_TOPIC_PREFIX });
let reform: RunningService;
let organization: RunningService;
const OWNER = personIn('25801', 'Nguyễn Văn Chủ');
const ids = { anLapCommittee: '', thanhAnCommittee: '', schoolCell: '', office: '', plan: '', submitted: '', drafted: '' };

const organizationNamed = async (name: string): Promise<string> =>
  (await organization.dataSource.query('SELECT DISTINCT id FROM organization WHERE name = $1', [name]))[0].id;

/** An Lập's plan with two tasks of its People's Committee (one shared with its school's Party cell), and two open proposals. */
async function anLapWork(): Promise<void> {
  ids.plan = await created(reform.url, DEMO_USERS.anLapOfficer, 'createReformPlan', 'CreateReformPlanInput', {
    unitCode: '25801', title: 'Sắp xếp tổ chức bộ máy', resolutionRef: '18-NQ/TW', change: on('2025-01-02', '01/KH-UBND'),
  });
  const task = (title: string, organizationIds: string[]) => created(reform.url, DEMO_USERS.anLapOfficer, 'assignReformTask', 'AssignReformTaskInput', {
    planId: ids.plan, title, organizationIds, ownerPersonId: OWNER.personId, deadline: '2026-12-31', change: on('2025-01-10', '02/KH-UBND'),
  });
  await task('Rà soát vị trí việc làm', [ids.anLapCommittee, ids.schoolCell]);
  await task('Tinh giản biên chế', [ids.anLapCommittee]);
  ids.submitted = await created(reform.url, DEMO_USERS.anLapOfficer, 'draftStaffingProposal', 'DraftStaffingProposalInput',
    draftInput(ids.anLapCommittee, { change: on('2025-03-01', '03/ĐA-UBND') }));
  await created(reform.url, DEMO_USERS.anLapOfficer, 'submitStaffingProposal', 'ProposalStepInput', stepInput(ids.submitted, '2025-03-02', '04/TTr-UBND'));
  ids.drafted = await created(reform.url, DEMO_USERS.anLapOfficer, 'draftStaffingProposal', 'DraftStaffingProposalInput',
    draftInput(ids.office, { change: on('2025-03-05', '05/ĐA-UBND') }));
}

beforeAll(async () => {
  await recreateTestDatabase(organizationEnv.DATABASE_URL);
  await recreateTestDatabase(reformEnv.DATABASE_URL);
  organization = await startService(organizationService, organizationEnv);
  reform = await startService(reformService, reformEnv);
  await seedDemoTerritory(organization.dataSource);
  await seedDauTiengStory(organization.dataSource);
  await eventually(async () => ((await reform.dataSource.query("SELECT count(DISTINCT code)::int AS n FROM territory_unit WHERE code IN ('720', '25798', '25801', '25807')"))[0].n === 4 ? true : undefined), {
    what: 'the seeded territory projected by reform',
  });
  ids.anLapCommittee = await organizationNamed('Ủy ban nhân dân xã An Lập');
  ids.thanhAnCommittee = await organizationNamed('Ủy ban nhân dân xã Thanh An');
  ids.schoolCell = await organizationNamed('Chi bộ cơ sở Trường Trung học cơ sở An Lập');
  // A body Thanh An has no counterpart of: it closes with no successor.
  ids.office = await created(organization.url, DEMO_USERS.anLapAdmin, 'createOrganization', 'CreateOrganizationInput', {
    unitCode: '25801', kind: 'DEPARTMENT', name: 'Văn phòng UBND xã An Lập', change: on('2025-01-01', '01/QĐ-UBND'),
  });
  // The tasks' organizations reach reform from organization's events, their owner from personnel's.
  const assigned = [ids.anLapCommittee, ids.schoolCell];
  await eventually(async () => ((await reform.dataSource.query('SELECT count(DISTINCT id)::int AS n FROM reform_organization WHERE id = ANY($1::uuid[])', [assigned]))[0].n === assigned.length ? true : undefined), {
    what: 'the tasks’ organizations projected by reform',
  });
  await announceAssignees(reform, [], [OWNER]);
  await anLapWork();
  const started = Date.now();
  await ask(organization.url, DEMO_USERS.provinceAdmin, 'mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { effectiveDate } }', { input: MERGER });
  await eventually(async () => {
    const [row] = await reform.dataSource.query("SELECT count(*)::int AS n FROM staffing_proposal_step WHERE step = 'MOVED'");
    return row.n === 3 ? true : undefined;
  }, { what: 'the open proposals moved' });
  await caughtUp(reform, 'reform.restructurings');
  process.stdout.write(`[restructuring] merge in organization → plans, tasks and proposals followed in reform: ${Date.now() - started} ms\n`);
});

afterAll(async () => {
  await reform?.stop();
  await organization?.stop();
});

describe('reform following a merger organization records', () => {
  it('continues An Lập’s plan under Xã Thanh An from the merger date and keeps it under An Lập before', async () => {
    const before = await plansOf(reform.url, DEMO_USERS.districtAdmin, 'AdministrativeUnit', ['25801', '25807'], '2025-06-30');
    const after = await plansOf(reform.url, DEMO_USERS.districtAdmin, 'AdministrativeUnit', ['25801', '25807'], '2025-07-01');
    expect([before[25801].map((plan) => plan.id), before[25807]]).toEqual([[ids.plan], []]);
    expect([after[25801], after[25807].map((plan) => [plan.id, plan.unitCode, plan.validFrom])]).toEqual([[], [[ids.plan, '25807', '2025-07-01']]]);
    expect(await plansCounted(reform.url, DEMO_USERS.districtAdmin, ['720', '25801', '25807'], '2025-06-30')).toEqual({ 720: 1, 25801: 1, 25807: 0 });
    expect(await plansCounted(reform.url, DEMO_USERS.districtAdmin, ['720', '25801', '25807'], '2025-07-01')).toEqual({ 720: 1, 25801: 0, 25807: 1 });
    const versions = await reform.dataSource.query('SELECT unit_code, valid_from::text, valid_to::text FROM reform_plan WHERE id = $1 ORDER BY valid_from', [ids.plan]);
    expect(versions).toEqual([
      { unit_code: '25801', valid_from: '2025-01-02', valid_to: '2025-07-01' },
      { unit_code: '25807', valid_from: '2025-07-01', valid_to: null },
    ]);
    const audit = await reform.dataSource.query(
      `SELECT audit.user_id, audit.unit_code, decision.number FROM audit_log audit JOIN decision ON decision.id = audit.decision_id
        WHERE audit.operation = 'followUnitSuccession' AND audit.target_type = 'ReformPlan' AND audit.target_id = $1`, [ids.plan]);
    expect(audit).toEqual([{ user_id: 'system:reform.restructurings', unit_code: '25807', number: '1685/NQ-UBTVQH15' }]);
  });

  it('assigns the plan’s tasks to Thanh An’s committee in place of An Lập’s from the merger date, once', async () => {
    const tasksOn = async (asOf: string) => (await plansOf(reform.url, DEMO_USERS.districtAdmin, 'AdministrativeUnit', ['25801', '25807'], asOf));
    const { anLapCommittee, thanhAnCommittee, schoolCell } = ids;
    expect((await tasksOn('2025-06-30'))[25801][0].tasks).toEqual([
      { title: 'Rà soát vị trí việc làm', organizationIds: [anLapCommittee, schoolCell] },
      { title: 'Tinh giản biên chế', organizationIds: [anLapCommittee] },
    ]);
    expect((await tasksOn('2025-07-01'))[25807][0].tasks).toEqual([
      { title: 'Rà soát vị trí việc làm', organizationIds: [thanhAnCommittee, schoolCell] },
      { title: 'Tinh giản biên chế', organizationIds: [thanhAnCommittee] },
    ]);
    const planIds = async (asOf: string) => Object.values(await plansOf(reform.url, DEMO_USERS.districtAdmin, 'Organization', [anLapCommittee, thanhAnCommittee, schoolCell], asOf))
      .map((plans) => plans.map((plan) => plan.id));
    expect(await planIds('2025-06-30')).toEqual([[ids.plan], [], [ids.plan]]);
    expect(await planIds('2025-07-01')).toEqual([[], [ids.plan], [ids.plan]]);
    expect(Object.values(await plansOf(reform.url, DEMO_USERS.dinhAnAdmin, 'Organization', [thanhAnCommittee], '2025-07-01'))).toEqual([[]]);
  });

  it('moves the open proposals to Thanh An and its committee, each move a MOVED step citing the resolution', async () => {
    const submitted = await proposalAs(reform.url, DEMO_USERS.thanhAnAdmin, ids.submitted);
    expect(submitted).toMatchObject({ unitCode: '25807', organizationId: ids.thanhAnCommittee, status: 'SUBMITTED' });
    expect(submitted?.steps.map((step) => step.step).sort()).toEqual(['DRAFTED', 'MOVED', 'MOVED', 'SUBMITTED']);
    for (const moved of submitted?.steps.filter((step) => step.step === 'MOVED') ?? []) {
      expect(moved).toMatchObject({ effectiveDate: '2025-07-01', comment: expect.stringContaining('Theo 1685/NQ-UBTVQH15') });
    }
    // The office closed with nothing taking over: its proposal follows the unit and keeps asking for the office.
    expect(await proposalAs(reform.url, DEMO_USERS.thanhAnAdmin, ids.drafted)).toMatchObject({
      unitCode: '25807', organizationId: ids.office, status: 'DRAFT', steps: [{ step: 'DRAFTED' }, { step: 'MOVED', comment: expect.stringContaining('Xã An Lập (25801) → Xã Thanh An (25807)') }],
    });
    expect(await proposalAs(reform.url, DEMO_USERS.anLapAdmin, ids.submitted)).toBeNull();
    const [{ n }] = await reform.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'StaffingProposal' AND user_id = 'system:reform.restructurings'");
    expect(n).toBe(3);
  });

  it('changes nothing when the merger’s events are delivered again or replayed under new ids', async () => {
    const before = await followed(reform);
    const [{ n: received }] = await reform.dataSource.query("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'reform.restructurings'");
    const { messages, replayed } = await redeliveries(organization);
    expect(replayed).toBeGreaterThan(0);
    await reform.bus.publish(messages);
    await eventually(async () => {
      const [row] = await reform.dataSource.query("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'reform.restructurings'");
      return row.n === received + replayed ? true : undefined;
    }, { what: 'the replayed events received' });
    await caughtUp(reform, 'reform.restructurings');
    expect(await followed(reform)).toEqual(before);
  });
});
