import { demoTerritoryAnnouncements, PERSONNEL_TOPIC } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  changeOn, DEMO_USERS, errorCodes, eventually, graphqlRequest, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES,
} from '@ps/testing';
import { seedDauTiengPlanning } from '../src/seed/cadre-planning.seed';
import { seedDemoFamilies } from '../src/seed/family.seed';
import { personnelService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const written = () => rowCounts((sql) => service.dataSource.query(sql), ['cadre_planning', 'rotation', ...WRITE_TRAIL_TABLES]);
const count = async (sql: string): Promise<number> => (await service.dataSource.query(sql))[0].n;
type Answer = Record<string, { id: string } & Record<string, unknown>>;
const request = async (username: string, document: string, variables: Record<string, unknown>) =>
  graphqlRequest<Answer>(service.url, document, { token: await tokenFor(username), variables });
let decisions = 0;
/** A change on its own decision, so each write records one. */
const change = (effectiveDate: string) => changeOn(effectiveDate, { number: `${(decisions += 1)}-QĐ/HU`, decidedOn: '2024-01-02' });

const ENTRY = 'id personId person { fullName } titleCode tier unitCode termStart termEnd validFrom validTo decision { number }';
const ROTATION = 'id personId person { fullName } fromUnitCode toUnitCode titleCode startsOn plannedEndOn validFrom validTo';
const plan = (username: string, personKey: string, titleCode: string, effectiveDate = '2024-06-01') =>
  request(username, `mutation ($input: AddToPlanningInput!) { addToCadrePlanning(input: $input) { ${ENTRY} } }`, {
    input: { personId: people[personKey], titleCode, unitCode: '720', term: '2025-2030', change: change(effectiveDate) },
  });
const rotate = (username: string, personKey: string, over: Record<string, unknown> = {}) =>
  request(username, `mutation ($input: StartRotationInput!) { startRotation(input: $input) { ${ROTATION} } }`, {
    input: {
      personId: people[personKey], fromUnitCode: '720', toUnitCode: '25801', titleCode: 'COMMUNE_PARTY_SECRETARY', plannedEndOn: '2027-09-01',
      change: change('2024-09-01'), ...over,
    },
  });
const refusal = (response: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) => response.errors?.[0];

/** The province's organization board manages the district's cadres until 1 July 2025: it plans, rotates and keeps their files. */
const BOARD = DEMO_USERS.provinceOrganizationBoard;

const people: Record<string, string> = {};
async function registerPerson(key: string, birthDate: string, gender: 'MALE' | 'FEMALE', ethnicity: string, serial: string, unitCode = '720'): Promise<void> {
  const centuryDigit = gender === 'MALE' ? '0' : '1';
  // A commune's cadres are the district organization board's.
  const registrar = unitCode === '720' ? BOARD : DEMO_USERS.districtOrganizationBoard;
  const response = await request(registrar, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    input: {
      unitCode, fullName: `Cán Bộ ${key} Mẫu`, personalId: `074${centuryDigit}${birthDate.slice(2, 4)}${serial}`, birthDate, gender, ethnicity,
      homePlace: 'Bình Dương', category: 'CADRE', change: changeOn('2010-01-01'),
    },
  });
  expect(response.errors).toBeUndefined();
  people[key] = response.data?.registerPerson.id ?? '';
}

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  await publishAndAwait(demoTerritoryAnnouncements(), (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'), 'territory projected');
  await registerPerson('Trẻ', '1985-03-10', 'MALE', 'Kinh', '000001');
  await registerPerson('Nữ', '1988-07-20', 'FEMALE', 'Khmer', '000002');
  await registerPerson('Ba', '1980-01-01', 'MALE', 'Kinh', '000003');
  await registerPerson('Bốn', '1978-05-05', 'MALE', 'Kinh', '000004');
  await registerPerson('Cao Tuổi', '1968-02-01', 'MALE', 'Kinh', '000005');
  await registerPerson('Ngoài Quy Hoạch', '1987-01-01', 'MALE', 'Kinh', '000006');
  await registerPerson('Xã', '1986-01-01', 'MALE', 'Kinh', '000007', '25789');
});

afterAll(() => service?.stop());

describe('cadre planning', () => {
  it('plans three people for the district People’s Committee chair in 2025–2030, each with a decision, audit row and event', async () => {
    const before = await written();
    for (const key of ['Trẻ', 'Nữ', 'Ba']) {
      const response = await plan(BOARD, key, 'DISTRICT_COMMITTEE_CHAIR');
      expect(response.errors).toBeUndefined();
      expect(response.data?.addToCadrePlanning).toMatchObject({ person: { fullName: `Cán Bộ ${key} Mẫu` }, tier: 'DISTRICT', unitCode: '720', termStart: 2025, termEnd: 2030, validFrom: '2024-06-01' });
    }
    expect(await written()).toEqual({ ...before, cadre_planning: before.cadre_planning + 3, decision: before.decision + 3, audit_log: before.audit_log + 3, outbox: before.outbox + 3 });
    const message = await eventually(async () => (await service.bus.readAll(PERSONNEL_TOPIC)).find((m) => JSON.parse(m.value ?? '{}').type === 'CadrePlanningChanged'), {
      what: 'CadrePlanningChanged on Kafka',
    });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({ unitPath: '74.720', payload: { action: 'ADDED', titleCode: 'DISTRICT_COMMITTEE_CHAIR', unitCode: '720', termStart: 2025 } });
  });

  it('refuses a fourth person for one position with the rule’s code, source and reason, and changes nothing', async () => {
    const before = await written();
    const response = await plan(BOARD, 'Bốn', 'DISTRICT_COMMITTEE_CHAIR');
    expect(errorCodes(response)).toEqual(['PLANNING_PEOPLE_PER_POSITION']);
    expect(refusal(response)?.message).toMatch(/^Mỗi chức danh quy hoạch không quá 3 người; chức danh này đã có 3 \(Quy định 50-QĐ\/TW.*\/ At most 3 people/);
    expect(refusal(response)?.extensions?.details).toMatchObject({ rule: 'PLANNING_PEOPLE_PER_POSITION', source: 'Quy định 50-QĐ/TW ngày 27/12/2021', limit: 3, planned: 3 });
    expect(await written()).toEqual(before);
  });

  it('takes a person off the list, which makes room for another', async () => {
    const [entry]: Array<{ id: string }> = await service.dataSource.query('SELECT id FROM cadre_planning WHERE person_id = $1', [people.Ba]);
    const removed = await request(BOARD, `mutation ($id: ID!, $input: RemoveFromPlanningInput!) { removeFromCadrePlanning(id: $id, input: $input) { ${ENTRY} } }`, {
      id: entry.id, input: { change: change('2024-07-01') },
    });
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeFromCadrePlanning).toMatchObject({ validTo: '2024-07-01' });
    expect((await plan(BOARD, 'Bốn', 'DISTRICT_COMMITTEE_CHAIR', '2024-07-01')).errors).toBeUndefined();
    expect((await plan(BOARD, 'Cao Tuổi', 'DISTRICT_COMMITTEE_VICE_CHAIR', '2024-07-01')).errors).toBeUndefined();
  });

  it('refuses a cadre without working age for a full term from the term’s start', async () => {
    const response = await request(BOARD, `mutation ($input: AddToPlanningInput!) { addToCadrePlanning(input: $input) { id } }`, {
      input: { personId: people['Cao Tuổi'], titleCode: 'DISTRICT_PARTY_SECRETARY', unitCode: '720', term: '2030-2035', change: change('2024-07-01') },
    });
    expect(errorCodes(response)).toEqual(['PLANNING_WORKING_TERMS']);
    expect(refusal(response)?.extensions?.details).toMatchObject({ requiredMonths: 60, retirementDate: '2030-02-01' });
  });

  it('refuses a title of another tier than the position’s unit', async () => {
    const response = await request(BOARD, `mutation ($input: AddToPlanningInput!) { addToCadrePlanning(input: $input) { id } }`, {
      input: { personId: people.Bốn, titleCode: 'DISTRICT_COMMITTEE_CHAIR', unitCode: '25801', term: '2025-2030', change: change('2024-07-01') },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(refusal(response)?.extensions?.details).toMatchObject({ reason: 'TITLE_TIER_MISMATCH', titleTier: 'DISTRICT', unitTier: 'COMMUNE' });
  });

  it('lists a unit’s planning for a term with the shares of young, women and ethnic-minority cadres against the targets', async () => {
    const response = await request(DEMO_USERS.districtViewer, `query { cadrePlanning(unitCode: "720", term: "2025-2030", asOf: "2024-12-31") {
      term entries { titleCode person { fullName } } shares { group count total percent targetPercent met source } } }`, {});
    expect(response.errors).toBeUndefined();
    const list = response.data?.cadrePlanning as unknown as { entries: Array<{ titleCode: string; person: { fullName: string } }>; shares: unknown[] };
    expect(list.entries.map((entry) => `${entry.titleCode} ${entry.person.fullName}`)).toEqual([
      'DISTRICT_COMMITTEE_CHAIR Cán Bộ Bốn Mẫu', 'DISTRICT_COMMITTEE_CHAIR Cán Bộ Nữ Mẫu', 'DISTRICT_COMMITTEE_CHAIR Cán Bộ Trẻ Mẫu',
      'DISTRICT_COMMITTEE_VICE_CHAIR Cán Bộ Cao Tuổi Mẫu',
    ]);
    expect(list.shares).toEqual([
      { group: 'YOUNG', count: 2, total: 4, percent: 50, targetPercent: 15, met: true, source: expect.stringContaining('50-QĐ/TW') },
      { group: 'WOMEN', count: 1, total: 4, percent: 25, targetPercent: 25, met: true, source: expect.stringContaining('50-QĐ/TW') },
      { group: 'ETHNIC_MINORITY', count: 1, total: 4, percent: 25, targetPercent: null, met: null, source: null },
    ]);
  });

  it('shows a commune officer nothing of the district’s list', async () => {
    const response = await request(DEMO_USERS.anLapOfficer, 'query { cadrePlanning(unitCode: "720", term: "2025-2030", asOf: "2024-12-31") { entries { id } } }', {});
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('rotation', () => {
  it('rotates a planned young district cadre to a commune, with a decision, audit row and event', async () => {
    const before = await written();
    const response = await rotate(BOARD, 'Trẻ');
    expect(response.errors).toBeUndefined();
    const rotation = response.data?.startRotation;
    expect(rotation).toMatchObject({ person: { fullName: 'Cán Bộ Trẻ Mẫu' }, fromUnitCode: '720', toUnitCode: '25801', titleCode: 'COMMUNE_PARTY_SECRETARY', startsOn: '2024-09-01', plannedEndOn: '2027-09-01' });
    expect(await written()).toEqual({ ...before, rotation: before.rotation + 1, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1 });
    const message = await eventually(async () => (await service.bus.readAll(PERSONNEL_TOPIC)).find((m) => m.key === rotation?.id), { what: 'RotationChanged on Kafka' });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      type: 'RotationChanged', unitPath: '74.720.25801', payload: { action: 'STARTED', personId: people.Trẻ, fromUnitCode: '720', toUnitCode: '25801' },
    });
  });

  it.each([
    ['one who is not in the planning list', 'Ngoài Quy Hoạch', {}, 'ROTATION_PLANNED_ONLY', /^Chỉ luân chuyển cán bộ đã trong quy hoạch/],
    ['one with under ten years of work left', 'Cao Tuổi', {}, 'ROTATION_YEARS_LEFT', /^Phải còn ít nhất 10 năm công tác.*2030-02-01/],
    ['for under 36 months', 'Nữ', { plannedEndOn: '2027-08-31' }, 'ROTATION_MIN_MONTHS', /^Thời gian luân chuyển ít nhất 36 tháng.*35 tháng/],
    ['to a title the catalogue lacks', 'Nữ', { titleCode: 'COMMUNE_ROTATION_POST' }, 'ROTATION_TITLE_IN_CATALOGUE', /^Không tạo chức danh mới/],
  ])('refuses rotating %s with the rule’s reason, and changes nothing', async (_case, key, over, code, reason) => {
    const before = await written();
    const response = await rotate(BOARD, key, over);
    expect(errorCodes(response)).toEqual([code]);
    expect(refusal(response)?.message).toMatch(reason);
    expect(refusal(response)?.extensions?.details).toMatchObject({ rule: code, source: expect.stringContaining('65-QĐ/TW'), alsoBroken: [] });
    expect(await written()).toEqual(before);
  });

  it('refuses a district title at a commune', async () => {
    const response = await rotate(BOARD, 'Nữ', { titleCode: 'DISTRICT_SPECIALIST' });
    expect(refusal(response)?.extensions?.details).toMatchObject({ reason: 'TITLE_TIER_MISMATCH' });
  });

  it('refuses a caller who does not see the unit the cadre leaves', async () => {
    const before = await written();
    // Another province's organization board: the body that manages district cadres, not of this territory.
    const response = await rotate(DEMO_USERS.hcmcOrganizationBoard, 'Nữ');
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(refusal(response)?.extensions?.details).toMatchObject({ reason: 'OUTSIDE_TERRITORY', unitCode: '720' });
    expect(await written()).toEqual(before);
  });

  it('refuses the district home-affairs office rotating a commune cadre, naming the district organization board, and changes nothing', async () => {
    const before = await written();
    const response = await rotate(DEMO_USERS.districtHomeAffairs, 'Xã', { fromUnitCode: '25789' });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(refusal(response)?.extensions?.details).toMatchObject({
      reason: 'NOT_MANAGING_BODY', personId: people.Xã, date: '2024-09-01',
      managedBy: [{ tier: 'DISTRICT', unitCode: '720', body: 'ORGANIZATION_BOARD', ruleCode: 'QD80-COMMUNE-CADRE' }],
    });
    expect(await written()).toEqual(before);
  });

  it('extends and completes a rotation, each an event', async () => {
    const [started] = await service.dataSource.query('SELECT id FROM rotation WHERE person_id = $1', [people.Trẻ]);
    const extended = await request(BOARD, `mutation ($id: ID!, $input: ExtendRotationInput!) { extendRotation(id: $id, input: $input) { ${ROTATION} } }`, {
      id: started.id, input: { plannedEndOn: '2028-03-01', change: change('2025-01-02') },
    });
    expect(extended.data?.extendRotation).toMatchObject({ startsOn: '2024-09-01', plannedEndOn: '2028-03-01', validFrom: '2025-01-02' });
    const completed = await request(BOARD, `mutation ($id: ID!, $input: CompleteRotationInput!) { completeRotation(id: $id, input: $input) { ${ROTATION} } }`, {
      id: started.id, input: { change: change('2025-06-30') },
    });
    expect(completed.data?.completeRotation).toMatchObject({ validTo: '2025-06-30' });
    const actions = await eventually(async () => {
      const found = (await service.bus.readAll(PERSONNEL_TOPIC)).filter((m) => m.key === started.id).map((m) => JSON.parse(m.value ?? '{}').payload.action);
      return found.length === 3 ? found : undefined;
    }, { what: 'three RotationChanged' });
    expect(actions).toEqual(['STARTED', 'EXTENDED', 'COMPLETED']);
  });

  it('lists a unit’s rotations only to a caller who sees both ends', async () => {
    const query = 'query { rotations(unitCode: "25801", asOf: "2025-01-01") { personId fromUnitCode } }';
    expect((await request(DEMO_USERS.districtViewer, query, {})).data?.rotations).toEqual([{ personId: people.Trẻ, fromUnitCode: '720' }]);
    expect((await request(DEMO_USERS.anLapOfficer, query, {})).data?.rotations).toEqual([]);
  });
});

describe('title eligibility', () => {
  const eligibility = (username: string, personKey: string) =>
    request(username, `query ($personId: ID!) { titleEligibility(personId: $personId, titleCode: "DISTRICT_COMMITTEE_CHAIR", asOf: "2024-12-31") {
      eligible criteria { kind required { vi } actual { vi } met noRecord reason { vi en } source article } } }`, { personId: people[personKey] });

  it('lists every criterion of the title with the person’s value, pass or fail and why, a missing record stated as such', async () => {
    const response = await eligibility(DEMO_USERS.districtViewer, 'Trẻ');
    expect(response.errors).toBeUndefined();
    const answer = response.data?.titleEligibility as unknown as { eligible: boolean; criteria: Array<Record<string, unknown>> };
    expect(answer.eligible).toBe(false);
    expect(answer.criteria.map((criterion) => [criterion.kind, criterion.met, criterion.noRecord])).toEqual([
      ['AGE_AT_APPOINTMENT', true, false],
      ['MONTHS_BEFORE_RETIREMENT', true, false],
      ['EDUCATION', false, true],
      ['POLITICAL_THEORY', false, true],
      ['PARTY_MEMBERSHIP', false, false],
      ['PLANNING_REQUIRED', true, false],
      ['DISCIPLINE_FREE_MONTHS', true, false],
    ]);
    expect(answer.criteria[0]).toMatchObject({ actual: { vi: '39 tuổi' }, source: 'Luật Cán bộ, công chức 2008', article: 'Điều 36' });
    expect(answer.criteria[1]).toMatchObject({ actual: { vi: expect.stringContaining('nghỉ hưu ngày 2047-03-10') } });
    expect(answer.criteria[2]).toMatchObject({ actual: null, reason: { vi: 'Không đạt: hồ sơ chưa có thông tin trình độ chuyên môn', en: 'Not met: the file has no record of education' } });
  });

  it('reads the levels and disciplines the e-file records: a bachelor in political theory counts as advanced, a reprimand within 12 months fails', async () => {
    const qualified = await request(BOARD, 'mutation ($input: RecordQualificationsInput!) { recordQualifications(input: $input) { id } }', {
      input: { personId: people.Trẻ, qualifications: { professionalLevel: 'MASTER', politicalTheoryLevel: 'BACHELOR' }, change: change('2024-01-02') },
    });
    expect(qualified.errors).toBeUndefined();
    const disciplined = await request(BOARD, 'mutation ($input: RecordDisciplineInput!) { recordDiscipline(input: $input) { id } }', {
      input: { personId: people.Trẻ, system: 'PARTY', form: 'REPRIMAND', change: change('2024-06-03') },
    });
    expect(disciplined.errors).toBeUndefined();
    const answer = (await eligibility(DEMO_USERS.districtViewer, 'Trẻ')).data?.titleEligibility as unknown as { criteria: Array<Record<string, unknown>> };
    const of = (kind: string) => answer.criteria.find((criterion) => criterion.kind === kind);
    expect(of('EDUCATION')).toMatchObject({ met: true, noRecord: false, actual: { vi: 'Thạc sĩ' } });
    expect(of('POLITICAL_THEORY')).toMatchObject({ met: true, noRecord: false, actual: { vi: 'Cử nhân' } });
    expect(of('DISCIPLINE_FREE_MONTHS')).toMatchObject({ met: false, noRecord: false });
  });

  it('answers nothing about a person outside the caller’s territory', async () => {
    expect(errorCodes(await eligibility(DEMO_USERS.anLapOfficer, 'Trẻ'))).toEqual(['NOT_FOUND']);
  });
});

describe('demo data', () => {
  it('seeds Dầu Tiếng’s 2015–2020 planning list and two young cadres rotated to communes, through the rules, once', async () => {
    expect(await seedDauTiengPlanning(service.dataSource)).toEqual({ cadres: 8, planned: 12, rotated: 2 });
    const response = await request(DEMO_USERS.districtViewer, `query { cadrePlanning(unitCode: "720", term: "2015-2020", asOf: "2014-06-30") {
      entries { titleCode person { fullName } } shares { group count total } } }`, {});
    const list = response.data?.cadrePlanning as unknown as { entries: Array<{ person: { fullName: string } }>; shares: Array<{ group: string; count: number; total: number }> };
    expect(list.entries).toHaveLength(12);
    expect(list.entries.every((entry) => / Mẫu Q0\d$/.test(entry.person.fullName))).toBe(true);
    expect(list.shares.find((share) => share.group === 'WOMEN')).toEqual({ group: 'WOMEN', count: 3, total: 8 });
    const rotated = await service.dataSource.query(`SELECT to_unit_code AS "to", title_code AS title FROM rotation WHERE starts_on = '2014-01-02' ORDER BY to_unit_code`);
    expect(rotated).toEqual([{ to: '25789', title: 'COMMUNE_COMMITTEE_CHAIR' }, { to: '25801', title: 'COMMUNE_PARTY_SECRETARY' }]);
    expect(await seedDauTiengPlanning(service.dataSource)).toEqual({ cadres: 0, planned: 0, rotated: 0 });
  });

  it('gives three of the demo cadres fictional families through the family rules, once', async () => {
    expect(await seedDemoFamilies(service.dataSource)).toBe(10);
    const rows = await service.dataSource.query('SELECT relation, full_name AS "fullName" FROM family_member ORDER BY full_name');
    expect(rows).toHaveLength(10);
    expect(rows.every((row: { fullName: string }) => / Mẫu Q0[167]$/.test(row.fullName))).toBe(true);
    expect(await seedDemoFamilies(service.dataSource)).toBe(0);
  });
});
