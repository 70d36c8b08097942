import { demoTerritoryAnnouncements, ORGANIZATION_TOPIC, PERSONNEL_TOPIC, UnitCreated, UnitsMerged } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { auditTrailId } from '@ps/effective-dating';
import {
  auditSectionPage,
  changeOn,
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  publishAndAwait,
  queryEntities,
  recreateTestDatabase,
  rowCounts,
  serviceTestEnv,
  tokenFor,
  WRITE_TRAIL_TABLES,
} from '@ps/testing';
import { personnelService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
const CONSUMER = 'personnel.territory';
let service: RunningService;

const count = async (sql: string, parameters: unknown[] = []): Promise<number> =>
  (await service.dataSource.query(sql, parameters))[0].n;
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['person', ...WRITE_TRAIL_TABLES]);

const REGISTER = `mutation ($input: RegisterPersonInput!) {
  registerPerson(input: $input) { id fullName birthYear gender category unitCode validFrom validTo reason asOf decision { number decidedOn signer } } }`;
/** A valid e-file for a woman born in 1988 (personal ID 074 1 88 …); cases override what they test. */
const E_FILE = {
  personalId: '074188001234', birthDate: '1988-03-04', gender: 'FEMALE', ethnicity: 'Kinh', homePlace: 'Xã An Lập, Dầu Tiếng, Bình Dương', category: 'CIVIL_SERVANT',
};
const register = async (username: string, input: Record<string, unknown>) =>
  graphqlRequest<{ registerPerson: { id: string } }>(service.url, REGISTER, { token: await tokenFor(username), variables: { input: { ...E_FILE, ...input } } });
const personById = async (username: string, id: string, asOf?: string) =>
  (await graphqlRequest<{ person: { fullName: string; gender: string; category: string; asOf: string } | null }>(
    service.url,
    'query ($id: ID!, $asOf: LocalDate) { person(id: $id, asOf: $asOf) { fullName gender category asOf } }',
    { token: await tokenFor(username), variables: { id, asOf } },
  )).data?.person;
const peopleOf = async (username: string, unitCode: string, asOf?: string) => {
  const response = await graphqlRequest<{ people: Array<{ fullName: string; asOf: string }> }>(
    service.url,
    'query ($unitCode: ID!, $asOf: LocalDate) { people(unitCode: $unitCode, asOf: $asOf) { fullName asOf } }',
    { token: await tokenFor(username), variables: { unitCode, asOf } },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.people.map((person) => person.fullName);
};
const headcounts = async (username: string, asOf: string | null) =>
  (await queryEntities<{ code: string; headcount: number | null }>(
    service.url, 'AdministrativeUnit', [{ code: '25801' }, { code: '25789' }],
    `code headcount${asOf ? `(asOf: "${asOf}")` : ''}`, await tokenFor(username),
  )).data?._entities;
const auditPage = async (username: string, unitCode: string, first: number, after?: string | null) =>
  auditSectionPage(service.url, 'personnel', auditTrailId({ unitCode, from: '2020-01-01', to: '2999-12-31', operation: null }),
    await tokenFor(username), { first, after });

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'),
    'demo territory projected',
  );
});

afterAll(() => service?.stop());

describe('territory projection', () => {
  it('applies each UnitCreated once, also when every event is delivered a second time', async () => {
    const before = await service.dataSource.query('SELECT code, valid_from, updated_at FROM territory_unit ORDER BY code, valid_from');
    const delivered = await service.bus.readAll(ORGANIZATION_TOPIC);
    await service.bus.publish(delivered.map((m) => ({ topic: ORGANIZATION_TOPIC, key: m.key ?? '', value: m.value ?? '' })));
    await eventually(async () => ((await service.bus.consumerLag(CONSUMER, ORGANIZATION_TOPIC)) === 0 ? true : undefined), {
      what: 'duplicates consumed',
    });
    expect(await service.dataSource.query('SELECT code, valid_from, updated_at FROM territory_unit ORDER BY code, valid_from')).toEqual(before);
    expect(await count('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1', [CONSUMER])).toBe(4);
  });

  it('sends a malformed event to the dead-letter topic and goes on with the next one', async () => {
    const [good] = demoTerritoryAnnouncements();
    const poison = JSON.parse(good.value);
    poison.payload.path = 'not a path!';
    const next = eventMessage(
      UnitCreated,
      { code: '25792', name: 'Xã Long Hoà', tier: 'COMMUNE', parentCode: '720', path: '74.720.25792', validFrom: '1999-01-01', validTo: null, decision: null },
      { aggregateId: '25792', actor: 'system:test' },
    );
    // One key for both, so they share a partition and the poison comes first.
    await service.bus.publish([
      { topic: ORGANIZATION_TOPIC, key: '74', value: JSON.stringify(poison) },
      { ...next, key: '74' },
    ]);
    await eventually(
      async () => ((await count("SELECT count(*)::int AS n FROM territory_unit WHERE code = '25792'")) === 1 ? true : undefined),
      { what: 'the next event applied' },
    );
    const dead = await service.bus.readAll(`${ORGANIZATION_TOPIC}.dlq`);
    expect(dead).toHaveLength(1);
    expect(dead[0].headers).toMatchObject({ 'dlq-consumer': CONSUMER });
    expect(dead[0].headers['dlq-error']).toContain('invalid payload');
    expect(await count('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [poison.id])).toBe(0);
  });
});

describe('registerPerson', () => {
  it('registers a person from the effective date, with one audit row and an event carrying the change', async () => {
    const before = await written();
    const response = await register(DEMO_USERS.districtHomeAffairs, {
      unitCode: '25801', fullName: 'Lê  Thị Hoa', birthYear: 1988, change: changeOn('2025-01-02', { reason: 'Tiếp nhận công chức' }),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.registerPerson).toMatchObject({
      fullName: 'Lê Thị Hoa', birthYear: 1988, gender: 'FEMALE', category: 'CIVIL_SERVANT', unitCode: '25801', validFrom: '2025-01-02', validTo: null, reason: 'Tiếp nhận công chức', asOf: '2025-01-02',
      decision: { number: '12/QĐ-UBND', decidedOn: '2025-01-02', signer: 'Nguyễn Văn Chủ tịch' },
    });
    const id = response.data?.registerPerson.id;
    expect(await written()).toEqual({ person: before.person + 1, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1 });

    const [audit] = await service.dataSource.query(
      `SELECT user_id, operation, target_type, target_label, unit_code, unit_paths::text[] AS unit_paths, effective_date::text,
              before, after, decision, correlation_id::text FROM audit_log WHERE target_id = $1`,
      [id],
    );
    expect(audit).toMatchObject({
      operation: 'registerPerson', target_type: 'Person', target_label: 'Lê Thị Hoa – Xã An Lập (25801)', unit_code: '25801',
      unit_paths: ['74.720.25801'], effective_date: '2025-01-02', before: null,
      after: { id, fullName: 'Lê Thị Hoa', birthYear: 1988, gender: 'FEMALE', category: 'CIVIL_SERVANT', unitCode: '25801', validFrom: '2025-01-02', validTo: null },
      decision: { number: '12/QĐ-UBND', date: '2025-01-02', signer: 'Nguyễn Văn Chủ tịch', issuer: null },
    });
    const message = await eventually(async () => (await service.bus.readAll(PERSONNEL_TOPIC)).find((m) => m.key === id), {
      what: 'PersonRegistered on Kafka',
    });
    const event = JSON.parse(message.value ?? '{}');
    expect(event).toMatchObject({
      type: 'PersonRegistered', actor: audit.user_id, correlationId: audit.correlation_id, unitPath: '74.720.25801',
      payload: {
        personId: id, gender: 'FEMALE', category: 'CIVIL_SERVANT', unitCode: '25801', effectiveDate: '2025-01-02', reason: 'Tiếp nhận công chức',
        decision: { number: '12/QĐ-UBND' },
      },
    });
    // Personal data stays in the service: not in the event, not in the audit trail.
    expect(JSON.stringify([event, audit])).not.toMatch(/074188001234|1988-03-04|Dầu Tiếng, Bình Dương/);
    expect(await service.dataSource.query('SELECT personal_id, birth_date::text, ethnicity, religion, home_place FROM person WHERE id = $1', [id])).toEqual([
      { personal_id: '074188001234', birth_date: '1988-03-04', ethnicity: 'Kinh', religion: null, home_place: 'Xã An Lập, Dầu Tiếng, Bình Dương' },
    ]);
  });

  it('reads one person as of a date, inside the territory only', async () => {
    const [{ id }] = await service.dataSource.query("SELECT id FROM person WHERE personal_id = '074188001234'");
    expect(await personById(DEMO_USERS.anLapOfficer, id)).toMatchObject({ fullName: 'Lê Thị Hoa', gender: 'FEMALE', category: 'CIVIL_SERVANT' });
    expect(await personById(DEMO_USERS.districtViewer, id, '2025-01-02')).toMatchObject({ fullName: 'Lê Thị Hoa', asOf: '2025-01-02' });
    expect(await personById(DEMO_USERS.anLapOfficer, id, '2025-01-01')).toBeNull();
    expect(await personById(DEMO_USERS.dinhAnAdmin, id)).toBeNull();
    expect(await personById(DEMO_USERS.anLapOfficer, 'not-an-id')).toBeNull();
  });

  it('counts and lists people as of a date, inside the territory only', async () => {
    // Registering opens an e-file; the headcount counts primary assignments (assignment.int-spec).
    expect(await headcounts(DEMO_USERS.anLapOfficer, null)).toEqual([{ code: '25801', headcount: 0 }, { code: '25789', headcount: null }]);
    expect(await headcounts(DEMO_USERS.anLapOfficer, '2025-01-01')).toEqual([{ code: '25801', headcount: 0 }, { code: '25789', headcount: null }]);
    expect(await peopleOf(DEMO_USERS.anLapOfficer, '25801')).toEqual(['Lê Thị Hoa']);
    expect(await peopleOf(DEMO_USERS.anLapOfficer, '25801', '2025-01-01')).toEqual([]);
    expect(await peopleOf(DEMO_USERS.anLapOfficer, '25789')).toEqual([]);
  });

  it.each([
    ['a birth year that disagrees with the birth date', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', birthYear: 2999 }, 'BAD_USER_INPUT'],
    ['a personal ID of 11 digits', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', personalId: '07418800123' }, 'BAD_USER_INPUT'],
    ['a personal ID from province 097', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', personalId: '097188001235' }, 'BAD_USER_INPUT'],
    ['a man’s personal ID for a woman', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', personalId: '074088001235' }, 'BAD_USER_INPUT'],
    ['a personal ID of another birth year', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', personalId: '074187001235' }, 'BAD_USER_INPUT'],
    ['a blank ethnicity', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', ethnicity: ' ' }, 'BAD_USER_INPUT'],
    ['a personal ID on another person’s file', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', personalId: '074188001234' }, 'PERSONAL_ID_TAKEN'],
    ['a name of 201 characters', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', fullName: 'A'.repeat(201) }, 'BAD_USER_INPUT'],
    ['a blank reason', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', change: changeOn('2025-01-02', { reason: ' ' }) }, 'BAD_USER_INPUT'],
    ['a decision from the future', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', change: changeOn('2025-01-02', { decidedOn: '2999-01-01' }) }, 'BAD_USER_INPUT'],
    ['a viewer', DEMO_USERS.districtViewer, { unitCode: '25801' }, 'FORBIDDEN'],
    ['a unit outside the territory', DEMO_USERS.hcmcOrganizationBoard, { unitCode: '25801' }, 'FORBIDDEN'],
    ['a unit that does not exist', DEMO_USERS.districtHomeAffairs, { unitCode: '99999' }, 'NOT_FOUND'],
    ['a date before the unit was in force', DEMO_USERS.districtHomeAffairs, { unitCode: '25801', change: changeOn('1998-06-01') }, 'NOT_IN_FORCE'],
  ])('refuses %s and writes nothing: no person, decision, audit row or event', async (_case, username, input, code) => {
    const before = await written();
    const response = await register(username, {
      fullName: 'Phạm Thị Nam', personalId: '074188009999', change: changeOn('2025-01-02', { number: '99/QĐ-UBND' }), ...input,
    });
    expect(errorCodes(response)).toEqual([code]);
    expect(await written()).toEqual(before);
  });

  it('says why a personal ID is refused, Vietnamese first, and that a taken one is taken without saying whose', async () => {
    const province = await register(DEMO_USERS.districtHomeAffairs, { unitCode: '25801', fullName: 'Lê Thị Hoa', personalId: '097188001235', change: changeOn('2025-01-02') });
    expect(province.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Số định danh cá nhân không hợp lệ: mã tỉnh 097 không thuộc 001–096 \/ Invalid personal ID/),
      extensions: { code: 'BAD_USER_INPUT', details: { reason: 'PROVINCE_CODE' } },
    });
    const taken = await register(DEMO_USERS.districtHomeAffairs, { unitCode: '25789', fullName: 'Lê Thị Hoa', change: changeOn('2025-01-02') });
    expect(taken.errors?.[0]).toMatchObject({ extensions: { code: 'PERSONAL_ID_TAKEN', details: { reason: 'PERSONAL_ID_TAKEN' } } });
  });

  it('says when the unit was in force, and nothing about a unit outside the territory', async () => {
    const early = await register(DEMO_USERS.districtHomeAffairs, { unitCode: '25801', fullName: 'X', change: changeOn('1998-06-01') });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_IN_FORCE', details: { startsOn: '1999-01-01', endedOn: null } } });
    // Another province's organization board: a managing body, whose territory lacks the commune.
    const foreign = await register(DEMO_USERS.hcmcOrganizationBoard, { unitCode: '25801', fullName: 'X', category: 'CADRE', change: changeOn('1998-06-01') });
    expect(foreign.errors?.[0]).toMatchObject({
      message: 'Xã An Lập (25801) nằm ngoài địa bàn bạn quản lý / Xã An Lập (25801) is outside your territory',
      extensions: { code: 'FORBIDDEN', details: { reason: 'OUTSIDE_TERRITORY' } },
    });
  });
});

describe('the audit trail’s personnel page', () => {
  it('answers newest first with a cursor, cut to the caller', async () => {
    const second = await register(DEMO_USERS.districtHomeAffairs, {
      unitCode: '25789', fullName: 'Trần Văn Bình', personalId: '074085000777', birthDate: '1985-07-01', gender: 'MALE', change: changeOn('2025-02-01'),
    });
    expect(second.errors).toBeUndefined();
    const { page: first, errors } = await auditPage(DEMO_USERS.districtAdmin, '720', 1);
    expect(errors).toEqual([]);
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(first?.entries.map((entry) => entry.target.label)).toEqual(['Trần Văn Bình – Xã Định An (25789)']);
    const { page: rest } = await auditPage(DEMO_USERS.districtAdmin, '720', 5, first?.pageInfo.endCursor);
    expect(rest?.entries.map((entry) => [entry.target.label, entry.decision?.number])).toEqual([['Lê Thị Hoa – Xã An Lập (25801)', '12/QĐ-UBND']]);
    expect(rest?.pageInfo.hasNextPage).toBe(false);
    expect((await auditPage(DEMO_USERS.anLapAdmin, '25801', 5)).page?.totalCount).toBe(1);
  });

  it('refuses a unit that never lay inside the caller’s unit, and one that does not exist', async () => {
    expect((await auditPage(DEMO_USERS.anLapAdmin, '25789', 5)).errors).toEqual(['FORBIDDEN']);
    expect((await auditPage(DEMO_USERS.anLapAdmin, '99999', 5)).errors).toEqual(['NOT_FOUND']);
  });
});

// Last: after the merge, Xã An Lập (the officer's commune) has no current version any more.
describe('after a merge of the caller’s commune', () => {
  beforeAll(async () => {
    const version = (code: string, name: string, tier: 'COMMUNE' | 'HAMLET', path: string) => ({
      code, name, tier, path, parentCode: path.split('.').slice(-2, -1)[0] ?? null, validFrom: '2025-07-01', validTo: null, decision: null,
    });
    const merged = eventMessage(
      UnitsMerged,
      {
        predecessors: ['25801', '25789'],
        successor: version('25789', 'Xã Định An', 'COMMUNE', '74.720.25789'),
        rehomed: [version('25801_01', 'Ấp Bến Củi', 'HAMLET', '74.720.25789.25801_01')],
        endedOrganizations: [],
        effectiveDate: '2025-07-01',
        reason: 'Sắp xếp',
        decision: null,
      },
      { aggregateId: '25789', actor: 'system:test' },
    );
    await service.bus.publish([merged]);
    await eventually(
      async () => ((await count("SELECT count(*)::int AS n FROM territory_unit WHERE code = '25801_01'")) === 1 ? true : undefined),
      { what: 'merge projected' },
    );
  });

  it('projects it: the merged-away commune ends, the successor and its moved hamlets take new versions', async () => {
    expect(
      await service.dataSource.query(
        `SELECT code, path, valid_from::text, valid_to::text FROM territory_unit
          WHERE code IN ('25789', '25801', '25801_01') ORDER BY code, valid_from`,
      ),
    ).toEqual([
      { code: '25789', path: '74.720.25789', valid_from: '1999-01-01', valid_to: '2025-07-01' },
      { code: '25789', path: '74.720.25789', valid_from: '2025-07-01', valid_to: null },
      { code: '25801', path: '74.720.25801', valid_from: '1999-01-01', valid_to: '2025-07-01' },
      { code: '25801_01', path: '74.720.25789.25801_01', valid_from: '2025-07-01', valid_to: null },
    ]);
  });

  it('keeps the commune’s history readable for its admin, and today’s staff under the successor out of reach', async () => {
    expect(await peopleOf(DEMO_USERS.anLapAdmin, '25801', '2025-06-30')).toEqual(['Lê Thị Hoa']);
    expect(await headcounts(DEMO_USERS.anLapAdmin, '2025-06-30')).toEqual([{ code: '25801', headcount: 0 }, { code: '25789', headcount: null }]);
    expect(await peopleOf(DEMO_USERS.anLapAdmin, '25801')).toEqual([]);
    expect(await peopleOf(DEMO_USERS.anLapAdmin, '25789')).toEqual([]);
    expect(await headcounts(DEMO_USERS.anLapAdmin, null)).toEqual([{ code: '25801', headcount: null }, { code: '25789', headcount: null }]);
    expect(await peopleOf(DEMO_USERS.districtAdmin, '25789')).toEqual(['Trần Văn Bình']);
  });

  it('refuses a registration in the commune after it ended, saying when it ended, and any write by its own accounts', async () => {
    const before = await written();
    // The province's home-affairs office would manage a commune civil servant then: the unit is what is refused.
    const late = await register(DEMO_USERS.provinceHomeAffairs, { unitCode: '25801', fullName: 'Phạm Văn Nam', change: changeOn('2025-08-01') });
    expect(late.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_IN_FORCE', details: { endedOn: '2025-07-01' } } });
    // The commune's own accounts read its history only: any write is refused before anything else.
    const ceased = await register(DEMO_USERS.anLapOfficer, { unitCode: '25801', fullName: 'Phạm Văn Nam', change: changeOn('2025-06-01') });
    expect(ceased.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', details: { reason: 'UNIT_CEASED', endedOn: '2025-07-01' } } });
    expect(await written()).toEqual(before);
  });
});
