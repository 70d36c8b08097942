import { demoTerritoryAnnouncements, PERSONNEL_TOPIC } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  changeOn,
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  publishAndAwait,
  recreateTestDatabase,
  rowCounts,
  serviceTestEnv,
  tokenFor,
  WRITE_TRAIL_TABLES,
} from '@ps/testing';
import { disciplinesOf } from '../src/reward-discipline/reward-discipline.service';
import { personnelService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel', 'ps_personnel_e_file_test'));
let service: RunningService;
let personId = '';

const QUALIFICATIONS = 'educationLevel professionalLevel politicalTheoryLevel stateManagementTraining rankCode salaryStep salaryCoefficient';
const RECORDS = `disciplines { system form validFrom validTo reason decision { number } } rewards { form title validFrom decision { number } }`;
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['person', 'discipline', 'reward', ...WRITE_TRAIL_TABLES]);
const mutate = async (username: string, mutation: string, input: Record<string, unknown>) =>
  graphqlRequest<Record<string, Record<string, unknown>>>(service.url, mutation, { token: await tokenFor(username), variables: { input } });
/** The district home-affairs office manages Xã Định An's civil servants in 2024 (Decree 33/2023). */
const MANAGER = DEMO_USERS.districtHomeAffairs;
const fileOn = async (asOf: string) =>
  (await graphqlRequest<{ person: Record<string, unknown> }>(
    service.url,
    `query ($id: ID!, $asOf: LocalDate) { person(id: $id, asOf: $asOf) { ${QUALIFICATIONS} ${RECORDS} } }`,
    { token: await tokenFor(DEMO_USERS.districtViewer), variables: { id: personId, asOf } },
  )).data?.person;

const REGISTER = 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }';
const RECORD_QUALIFICATIONS = `mutation ($input: RecordQualificationsInput!) { recordQualifications(input: $input) { validFrom ${QUALIFICATIONS} } }`;
const RECORD_DISCIPLINE = 'mutation ($input: RecordDisciplineInput!) { recordDiscipline(input: $input) { id system form validFrom validTo } }';
const RECORD_REWARD = 'mutation ($input: RecordRewardInput!) { recordReward(input: $input) { id form title validFrom } }';

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
  const response = await mutate(MANAGER, `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id ${QUALIFICATIONS} } }`, {
    unitCode: '25789', fullName: 'Lê Thị Công', personalId: '074192005678', birthDate: '1992-09-10', gender: 'FEMALE', ethnicity: 'Kinh',
    homePlace: 'Định An, Bình Dương', category: 'CIVIL_SERVANT', change: changeOn('2024-01-02'),
    qualifications: {
      educationLevel: 'UPPER_SECONDARY', professionalLevel: 'BACHELOR', politicalTheoryLevel: 'INTERMEDIATE', stateManagementTraining: 'OFFICER',
      rankCode: '01.003', salaryStep: 3, salaryCoefficient: 3.0,
    },
  });
  expect(response.errors).toBeUndefined();
  personId = String(response.data?.registerPerson.id);
});

afterAll(() => service?.stop());

describe('qualifications, rank and salary grade', () => {
  it('are recorded on registration and changed from a date as a new version, audited before and after', async () => {
    const before = await written();
    const response = await mutate(MANAGER, RECORD_QUALIFICATIONS, {
      personId, qualifications: { professionalLevel: 'MASTER', salaryStep: 4, salaryCoefficient: 3.33 }, change: changeOn('2024-06-01', { number: '40/QĐ-UBND' }),
    });
    expect(response.errors).toBeUndefined();
    expect(await written()).toEqual({ ...before, person: before.person + 1, decision: before.decision + 1, audit_log: before.audit_log + 1 });
    const first = { educationLevel: 'UPPER_SECONDARY', professionalLevel: 'BACHELOR', politicalTheoryLevel: 'INTERMEDIATE', stateManagementTraining: 'OFFICER', rankCode: '01.003', salaryStep: 3, salaryCoefficient: 3 };
    expect(await fileOn('2024-03-01')).toMatchObject(first);
    expect(await fileOn('2024-06-01')).toMatchObject({ ...first, professionalLevel: 'MASTER', salaryStep: 4, salaryCoefficient: 3.33 });
    const [audit] = await service.dataSource.query("SELECT target_type, target_id, before, after FROM audit_log WHERE operation = 'recordQualifications'");
    expect(audit).toMatchObject({
      target_type: 'Person', target_id: personId,
      before: { professionalLevel: 'BACHELOR', salaryStep: 3, salaryCoefficient: 3 }, after: { professionalLevel: 'MASTER', salaryStep: 4, salaryCoefficient: 3.33, validFrom: '2024-06-01' },
    });
    expect(JSON.stringify(audit)).not.toMatch(/074192005678|1992-09-10/);
  });

  it.each([
    ['a viewer', DEMO_USERS.districtViewer, { salaryStep: 5, salaryCoefficient: 3.66 }, 'FORBIDDEN'],
    ['a salary step without its coefficient', MANAGER, { salaryStep: 5, salaryCoefficient: null }, 'BAD_USER_INPUT'],
    ['a rank code that is not one', MANAGER, { rankCode: 'chuyên viên' }, 'BAD_USER_INPUT'],
    ['a person outside the territory', DEMO_USERS.hcmcOrganizationBoard, { rankCode: '01.002' }, 'NOT_FOUND'],
  ])('refuses %s and writes nothing', async (_case, username, qualifications, code) => {
    const before = await written();
    const response = await mutate(username, RECORD_QUALIFICATIONS, { personId, qualifications, change: changeOn('2024-07-01', { number: '41/QĐ-UBND' }) });
    expect(errorCodes(response)).toEqual([code]);
    expect(await written()).toEqual(before);
  });
});

describe('disciplines and rewards', () => {
  it('records each on its decision, dated, with one audit row, and reads them as the file stood on a date', async () => {
    const before = await written();
    const reprimand = await mutate(MANAGER, RECORD_DISCIPLINE, {
      personId, system: 'ADMINISTRATIVE', form: 'REPRIMAND', endsOn: '2025-03-01', change: changeOn('2024-09-01', { number: '50/QĐ-UBND', reason: 'Vi phạm quy chế làm việc' }),
    });
    const warning = await mutate(MANAGER, RECORD_DISCIPLINE, {
      personId, system: 'PARTY', form: 'WARNING', change: changeOn('2024-10-01', { number: '51-QĐ/UBKT', reason: 'Vi phạm quy định về những điều đảng viên không được làm' }),
    });
    const reward = await mutate(MANAGER, RECORD_REWARD, {
      personId, form: 'CERTIFICATE_OF_MERIT', title: ' Bằng khen của Chủ tịch UBND tỉnh ', change: changeOn('2024-05-15', { number: '52/QĐ-UBND' }),
    });
    expect([reprimand.errors, warning.errors, reward.errors]).toEqual([undefined, undefined, undefined]);
    expect(reprimand.data?.recordDiscipline).toMatchObject({ system: 'ADMINISTRATIVE', form: 'REPRIMAND', validFrom: '2024-09-01', validTo: '2025-03-01' });
    expect(reward.data?.recordReward).toMatchObject({ title: 'Bằng khen của Chủ tịch UBND tỉnh', validFrom: '2024-05-15' });
    expect(await written()).toEqual({
      ...before, discipline: before.discipline + 2, reward: before.reward + 1, decision: before.decision + 3, audit_log: before.audit_log + 3, outbox: before.outbox + 3,
    });
    const events = await eventually(async () => {
      const found = (await service.bus.readAll(PERSONNEL_TOPIC)).map((message) => JSON.parse(message.value ?? '{}'))
        .filter((event) => ['DisciplineRecorded', 'RewardRecorded'].includes(event.type));
      return found.length === 3 ? found : undefined;
    }, { what: 'DisciplineRecorded and RewardRecorded on Kafka' });
    expect(events.map((event) => [event.type, event.payload.form, event.payload.endsOn ?? null, event.payload.decision.number, event.aggregateId]).sort()).toEqual([
      ['DisciplineRecorded', 'REPRIMAND', '2025-03-01', '50/QĐ-UBND', personId],
      ['DisciplineRecorded', 'WARNING', null, '51-QĐ/UBKT', personId],
      ['RewardRecorded', 'CERTIFICATE_OF_MERIT', null, '52/QĐ-UBND', personId],
    ]);
    expect(await fileOn('2024-08-31')).toMatchObject({ disciplines: [], rewards: [{ form: 'CERTIFICATE_OF_MERIT', decision: { number: '52/QĐ-UBND' } }] });
    expect((await fileOn('2024-12-31'))?.disciplines).toEqual([
      { system: 'ADMINISTRATIVE', form: 'REPRIMAND', validFrom: '2024-09-01', validTo: '2025-03-01', reason: 'Vi phạm quy chế làm việc', decision: { number: '50/QĐ-UBND' } },
      { system: 'PARTY', form: 'WARNING', validFrom: '2024-10-01', validTo: null, reason: 'Vi phạm quy định về những điều đảng viên không được làm', decision: { number: '51-QĐ/UBKT' } },
    ]);
    const audits = await service.dataSource.query("SELECT operation, target_type, target_label FROM audit_log WHERE operation IN ('recordDiscipline', 'recordReward') ORDER BY id");
    expect(audits.map((row: { target_label: string }) => row.target_label)).toEqual([
      'REPRIMAND – Lê Thị Công – Xã Định An (25789)', 'WARNING – Lê Thị Công – Xã Định An (25789)', 'CERTIFICATE_OF_MERIT – Lê Thị Công – Xã Định An (25789)',
    ]);
  });

  it('answers the disciplines in effect during a period for a batch of people in one statement', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      statements.mockClear();
      const forms = async (from: string, to: string) =>
        (await disciplinesOf(service.dataSource.manager, [personId, '00000000-0000-4000-8000-000000000000'], { from, to })).map((record) => record.form);
      expect(await forms('2025-03-01', '2025-12-31')).toEqual(['WARNING']);
      expect(await forms('2024-01-01', '2024-09-01')).toEqual(['REPRIMAND']);
      expect(await forms('2025-02-28', '2025-02-28')).toEqual(['REPRIMAND', 'WARNING']);
      expect(await forms('2023-01-01', '2024-08-31')).toEqual([]);
      // the relay's outbox polling runs beside the test and is not the query's
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(4);
    } finally {
      statements.mockRestore();
    }
  });

  it.each([
    ['expulsion by an employer', MANAGER, { system: 'ADMINISTRATIVE', form: 'EXPULSION' }, 'BAD_USER_INPUT'],
    ['an end before the effective date', MANAGER, { system: 'PARTY', form: 'REPRIMAND', endsOn: '2024-11-01' }, 'BAD_USER_INPUT'],
    ['a viewer', DEMO_USERS.districtViewer, { system: 'PARTY', form: 'REPRIMAND' }, 'FORBIDDEN'],
    ['a person outside the territory', DEMO_USERS.hcmcOrganizationBoard, { system: 'PARTY', form: 'REPRIMAND' }, 'NOT_FOUND'],
  ])('refuses a discipline: %s, and writes nothing', async (_case, username, discipline, code) => {
    const before = await written();
    const response = await mutate(username, RECORD_DISCIPLINE, { personId, ...discipline, change: changeOn('2024-12-01', { number: '60/QĐ-UBND' }) });
    expect(errorCodes(response)).toEqual([code]);
    expect(await written()).toEqual(before);
  });
});

describe('management decentralisation', () => {
  const cadre = (effectiveDate: string) => ({
    unitCode: '25789', fullName: 'Phạm Văn Nam', personalId: '074088009998', birthDate: '1988-02-02', gender: 'MALE', ethnicity: 'Kinh',
    homePlace: 'Định An, Bình Dương', category: 'CADRE', change: changeOn(effectiveDate),
  });

  it.each([
    ['the district’s home-affairs office', DEMO_USERS.districtHomeAffairs],
    ['a district officer in no managing body', DEMO_USERS.districtOfficer],
  ])('refuses a commune cadre put on file by %s, naming the district organization board, and writes nothing', async (_case, username) => {
    const before = await written();
    const response = await mutate(username, REGISTER, cadre('2025-01-02'));
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Người này không thuộc diện bạn quản lý vào ngày 2025-01-02; theo phân cấp quản lý, Ban Tổ chức – Huyện Dầu Tiếng quản lý \//),
      extensions: {
        code: 'FORBIDDEN',
        details: {
          reason: 'NOT_MANAGING_BODY', date: '2025-01-02',
          managedBy: [{ tier: 'DISTRICT', unitCode: '720', unitName: 'Huyện Dầu Tiếng', body: 'ORGANIZATION_BOARD', ruleCode: 'QD80-COMMUNE-CADRE' }],
        },
      },
    });
    expect(await written()).toEqual(before);
  });

  it('refuses the district organization board a commune cadre from 1 July 2025, naming the province’s, and writes nothing', async () => {
    const before = await written();
    const response = await mutate(DEMO_USERS.districtOrganizationBoard, REGISTER, cadre('2025-08-01'));
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'NOT_MANAGING_BODY', managedBy: [{ tier: 'PROVINCE', unitCode: '74', body: 'ORGANIZATION_BOARD', ruleCode: 'QD80-2025-COMMUNE-CADRE' }] },
    });
    expect(await written()).toEqual(before);
  });

  it.each([
    ['the district organization board, which manages the commune’s cadres', DEMO_USERS.districtOrganizationBoard],
    ['a district officer in no managing body', DEMO_USERS.districtOfficer],
    ['the province’s home-affairs office, before it took commune civil servants over', DEMO_USERS.provinceHomeAffairs],
  ])('refuses a discipline recorded by %s, naming the district home-affairs office, and writes nothing', async (_case, username) => {
    const before = await written();
    const response = await mutate(username, RECORD_DISCIPLINE, { personId, system: 'ADMINISTRATIVE', form: 'REPRIMAND', change: changeOn('2024-12-01', { number: '61/QĐ-UBND' }) });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: {
        reason: 'NOT_MANAGING_BODY', personId, date: '2024-12-01',
        managedBy: [{ tier: 'DISTRICT', unitCode: '720', unitName: 'Huyện Dầu Tiếng', body: 'HOME_AFFAIRS', ruleCode: 'ND33-COMMUNE-CIVIL-SERVANT' }],
      },
    });
    expect(await written()).toEqual(before);
  });

  it('lets the province’s home-affairs office record a reward from 1 July 2025, and refuses the district’s', async () => {
    const reward = (username: string) =>
      mutate(username, RECORD_REWARD, { personId, form: 'CERTIFICATE_OF_MERIT', title: 'Giấy khen', change: changeOn('2025-08-01', { number: '62/QĐ-UBND' }) });
    const before = await written();
    const refused = await reward(MANAGER);
    expect(refused.errors?.[0].extensions?.details).toMatchObject({
      reason: 'NOT_MANAGING_BODY', managedBy: [{ tier: 'PROVINCE', unitCode: '74', body: 'HOME_AFFAIRS', ruleCode: 'LAW2025-COMMUNE-CIVIL-SERVANT' }],
    });
    expect(await written()).toEqual(before);
    const recorded = await reward(DEMO_USERS.provinceHomeAffairs);
    expect(recorded.errors).toBeUndefined();
    expect(await written()).toEqual({ ...before, reward: before.reward + 1, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1 });
  });
});
