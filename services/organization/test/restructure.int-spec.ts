import { ORGANIZATION_TOPIC } from '@ps/contracts';
import { inForceOn } from '@ps/effective-dating';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, errorCodes, eventually, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { OrganizationBase, OrganizationKind } from '../src/organization/organization.entity';
import { successionAction } from '../src/restructure/succession.rules';
import { seedDauTiengStory } from '../src/seed/dau-tieng-story';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_restructure_test'));
let service: RunningService;

const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, { token: await tokenFor(username), variables });
const rows = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => service.dataSource.query(sql, parameters);
const count = async (sql: string, parameters: unknown[] = []): Promise<number> => (await rows<{ n: number }>(sql, parameters))[0].n;

/** A restructuring change: the Standing Committee's resolution by default. */
const decided = (effectiveDate: string, number = '1685/NQ-UBTVQH15', issuer = 'NA_STANDING_COMMITTEE') => ({
  effectiveDate,
  reason: 'Sắp xếp đơn vị hành chính cấp xã năm 2025',
  decision: { number, date: '2025-06-16', signer: 'Chủ tịch Quốc hội', issuer },
});
const local = (effectiveDate: string, number: string) => ({
  effectiveDate,
  reason: 'Giao chỉ tiêu biên chế',
  decision: { number, date: '2024-01-01', signer: 'Chủ tịch UBND' },
});

const MERGE = `mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { effectiveDate ended { code } started { code name path } } }`;
const merger = { predecessorCodes: ['25801', '25798', '25807'], successorCode: '25807', successorName: 'Xã Thanh An', change: decided('2025-07-01') };

/** Organizations of a unit by name, as stored (the story's). */
const organizationsOf = (unitCode: string) =>
  rows<{ id: string; name: string; kind: OrganizationKind; base: OrganizationBase }>(
    'SELECT DISTINCT ON (id) id, name, kind, base FROM organization WHERE unit_code = $1 ORDER BY id, valid_from',
    [unitCode],
  );
const byName = async (unitCode: string, name: string) => (await organizationsOf(unitCode)).find((org) => org.name === name)?.id as string;

/** Everything a refused write could have touched. */
const written = async () =>
  (await rows<Record<string, number>>(`SELECT (SELECT count(*)::int FROM administrative_unit) AS units, (SELECT count(*)::int FROM organization) AS organizations,
     (SELECT count(*)::int FROM unit_lineage) AS lineage, (SELECT count(*)::int FROM staffing_quota) AS quotas,
     (SELECT count(*)::int FROM outbox) AS events, (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM decision) AS decisions`))[0];

let seatId = '';

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  await seedDauTiengStory(service.dataSource);
  // Staffing before the merger: the district above, three communes, two People's Committees.
  const set = async (username: string, mutation: string, variables: Record<string, unknown>) =>
    expect((await ask(username, mutation, variables)).errors).toBeUndefined();
  const UNIT_QUOTA = 'mutation ($code: ID!, $amount: Int!, $change: EffectiveChangeInput!) { setUnitQuota(unitCode: $code, amount: $amount, change: $change) { amount } }';
  const ORG_QUOTA = 'mutation ($id: ID!, $amount: Int!, $change: EffectiveChangeInput!) { setOrganizationQuota(organizationId: $id, amount: $amount, change: $change) { amount } }';
  await set(DEMO_USERS.provinceAdmin, UNIT_QUOTA, { code: '74', amount: 2000, change: local('2024-01-01', '72/QĐ-BNV') });
  await set(DEMO_USERS.provinceAdmin, UNIT_QUOTA, { code: '720', amount: 200, change: local('2024-01-01', '10/QĐ-UBND') });
  for (const [code, amount] of [['25801', 20], ['25798', 18], ['25807', 22]] as const) {
    await set(DEMO_USERS.districtAdmin, UNIT_QUOTA, { code, amount, change: local('2024-01-01', `11-${code}/QĐ-UBND`) });
  }
  await set(DEMO_USERS.districtAdmin, ORG_QUOTA, { id: await byName('25801', 'Ủy ban nhân dân xã An Lập'), amount: 10, change: local('2024-02-01', '12/QĐ-UBND') });
  await set(DEMO_USERS.districtAdmin, ORG_QUOTA, { id: await byName('25807', 'Ủy ban nhân dân xã Thanh An'), amount: 12, change: local('2024-02-01', '13/QĐ-UBND') });
  const seat = await ask<{ addSeat: { id: string } }>(
    DEMO_USERS.districtAdmin,
    'mutation ($id: ID!, $input: AddSeatInput!) { addSeat(organizationId: $id, input: $input) { id } }',
    { id: await byName('25801', 'Đảng ủy xã An Lập'), input: { title: 'Bí thư Đảng ủy', selection: 'ELECTED', capacity: 1, change: local('2020-10-01', '14-QĐ/HU') } },
  );
  seatId = seat.data?.addSeat.id ?? '';
});

afterAll(() => service?.stop());

describe('who may record a merger of communes (rule data)', () => {
  it.each([
    ['a commune admin', DEMO_USERS.anLapAdmin, merger, 'FORBIDDEN'],
    ['a district admin (a district never merges communes)', DEMO_USERS.districtAdmin, merger, 'FORBIDDEN'],
    ['a decision of a body without the competence', DEMO_USERS.provinceAdmin, { ...merger, change: decided('2025-07-01', '9/NQ-HĐND', 'PROVINCE_PEOPLES_COUNCIL') }, 'BAD_USER_INPUT'],
  ])('refuses %s and writes nothing', async (_case, username, input, code) => {
    const before = await written();
    const response = await ask(username, MERGE, { input });
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0].message).toMatch(/ \/ /);
    expect(await written()).toEqual(before);
  });
});

describe('merging An Lập, Định Hiệp and Thanh An into Xã Thanh An (25807) on 2025-07-01, as the law has it', () => {
  let grassrootsBefore = 0;
  let ceasingUnitBodies = 0;
  let correlationId = '';

  beforeAll(async () => {
    const grassroots = `SELECT count(*)::int AS n FROM organization org JOIN administrative_unit unit ON unit.code = org.unit_code AND ${inForceOn('unit', '$1')}
      WHERE org.kind = 'PARTY_GRASSROOTS' AND ${inForceOn('org', '$1')} AND unit.path <@ '74.720'`;
    grassrootsBefore = await count(grassroots, ['2025-06-30']);
    // What the rule data says closes: the ceasing communes' own grassroots Party organizations.
    ceasingUnitBodies = [...(await organizationsOf('25801')), ...(await organizationsOf('25798'))].filter(
      (org) => org.kind === OrganizationKind.PARTY_GRASSROOTS && successionAction(org.kind, org.base, '2025-07-01') === 'CLOSE',
    ).length;
    const response = await ask(DEMO_USERS.provinceAdmin, MERGE, { input: merger });
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({ mergeUnits: { started: [{ code: '25807', name: 'Xã Thanh An', path: '74.720.25807' }] } });
    const [audit] = await rows<{ correlation_id: string }>("SELECT correlation_id FROM audit_log WHERE operation = 'mergeUnits'");
    correlationId = audit.correlation_id;
    expect(await count(grassroots, ['2025-07-01'])).toBe(grassrootsBefore - ceasingUnitBodies);
  });

  it('transfers the schools’ Party cells to 25807 under the district Party organization, and closes the absorbed communes’ own bodies', async () => {
    const cells = await rows<{ name: string; unit_code: string; valid_from: string; parent_id: string }>(
      `SELECT name, unit_code, valid_from::text, parent_id FROM organization WHERE name LIKE 'Chi bộ cơ sở Trường%' AND name ~ '(An Lập|Định Hiệp)$' ORDER BY name, valid_from`,
    );
    const moved = cells.filter((cell) => cell.valid_from === '2025-07-01');
    expect(moved.map((cell) => cell.unit_code)).toEqual(['25807', '25807']);
    const district = await byName('720', 'Đảng bộ huyện Dầu Tiếng');
    expect(moved.map((cell) => cell.parent_id)).toEqual([district, district]);
    const closed = await rows<{ name: string }>(
      "SELECT name FROM organization WHERE unit_code IN ('25801', '25798') AND valid_to = '2025-07-01' AND closed_reason IS NOT NULL ORDER BY name",
    );
    expect(closed.map((org) => org.name).sort()).toEqual([
      'Hội Nông dân xã An Lập', 'Hội Nông dân xã Định Hiệp', 'Đảng bộ xã An Lập', 'Đảng bộ xã Định Hiệp',
      'Đảng ủy xã An Lập', 'Đảng ủy xã Định Hiệp', 'Ủy ban nhân dân xã An Lập', 'Ủy ban nhân dân xã Định Hiệp',
    ].sort());
    expect(grassrootsBefore - ceasingUnitBodies).toBe(grassrootsBefore - 2);
  });

  it('passes the predecessors’ quotas to the successor with the merger’s decision: staffing before and after compare', async () => {
    const quotas = await rows<{ holder_id: string; amount: number; valid_from: string; valid_to: string | null; number: string }>(
      `SELECT holder_id, amount, valid_from::text, valid_to::text, decision.number FROM staffing_quota JOIN decision ON decision.id = decision_id
        WHERE holder_kind = 'UNIT' AND holder_id IN ('25801', '25798', '25807') ORDER BY holder_id, valid_from`,
    );
    expect(quotas).toEqual([
      { holder_id: '25798', amount: 18, valid_from: '2024-01-01', valid_to: '2025-07-01', number: '11-25798/QĐ-UBND' },
      { holder_id: '25801', amount: 20, valid_from: '2024-01-01', valid_to: '2025-07-01', number: '11-25801/QĐ-UBND' },
      { holder_id: '25807', amount: 22, valid_from: '2024-01-01', valid_to: '2025-07-01', number: '11-25807/QĐ-UBND' },
      { holder_id: '25807', amount: 60, valid_from: '2025-07-01', valid_to: null, number: '1685/NQ-UBTVQH15' },
    ]);
    const compared = await ask<{ compareStatistics: { changes: Array<{ measure: string; from: number; to: number }> } }>(
      DEMO_USERS.districtAdmin,
      '{ compareStatistics(code: "720", from: "2025-06-30", to: "2025-07-01") { changes { measure from to } } }',
    );
    expect(compared.data?.compareStatistics.changes).toContainEqual({ measure: 'SUBUNIT_QUOTAS', from: 60, to: 60 });
    const committee = await byName('25807', 'Ủy ban nhân dân xã Thanh An');
    expect(await count("SELECT amount AS n FROM staffing_quota WHERE holder_id = $1 AND valid_from = '2025-07-01'", [committee])).toBe(22);
  });

  it('records one audit row and emits each owner’s events exactly once, in one correlation, on Kafka', async () => {
    expect(await count("SELECT count(*)::int AS n FROM audit_log WHERE operation = 'mergeUnits'")).toBe(1);
    const ofMerger = async () =>
      (await service.bus.readAll(ORGANIZATION_TOPIC))
        .map((message) => JSON.parse(message.value ?? '{}') as { type: string; aggregateId: string; correlationId: string; payload: Record<string, unknown> })
        .filter((event) => event.correlationId === correlationId);
    const expected = await count('SELECT count(*)::int AS n FROM outbox WHERE envelope->>\'correlationId\' = $1', [correlationId]);
    await eventually(async () => ((await ofMerger()).length === expected ? true : undefined), { what: 'the merger’s events on Kafka' });
    const events = await ofMerger();
    const tally = (type: string) => events.filter((event) => event.type === type).length;
    expect(tally('UnitsMerged')).toBe(1);
    expect(tally('OrganizationClosed')).toBe(8);
    expect(tally('OrganizationMoved')).toBe(2);
    expect(tally('SeatChanged')).toBe(1);
    expect(tally('QuotaChanged')).toBe(5); // 25801 and 25798 end, 25807 takes 60, UBND An Lập ends, UBND Thanh An takes 22
    const keys = events.map((event) => `${event.type}:${event.aggregateId}:${JSON.stringify(event.payload).length}`);
    expect(new Set(keys).size).toBe(keys.length); // each exactly once
    const successorOf = (name: string) =>
      events.find((event) => event.type === 'OrganizationClosed' && (event.payload.organization as { name: string }).name === name)?.payload.successorId;
    expect(successorOf('Đảng bộ xã An Lập')).toBe(await byName('25807', 'Đảng bộ xã Thanh An'));
    expect(successorOf('Ủy ban nhân dân xã Định Hiệp')).toBe(await byName('25807', 'Ủy ban nhân dân xã Thanh An'));
    expect(successorOf('Hội Nông dân xã An Lập')).toBe(await byName('25807', 'Hội Nông dân xã Thanh An') ?? null);
    const seat = events.find((event) => event.type === 'SeatChanged');
    expect(seat?.payload).toMatchObject({ action: 'CLOSED', seat: { id: seatId, validTo: '2025-07-01' } });
  });

  it('answers 25801 as not in force today, naming its end date and what replaced it', async () => {
    const gone = await ask(DEMO_USERS.districtAdmin, '{ unit(code: "25801") { code } }');
    expect(errorCodes(gone)).toEqual(['NOT_IN_FORCE']);
    expect(gone.errors?.[0].message).toContain('Xã An Lập (25801) không có hiệu lực vào ngày');
    expect(gone.errors?.[0].message).toContain('đã hết hiệu lực từ 2025-07-01; thay thế bởi Xã Thanh An (25807)');
    const thanhAn = await ask<{ unit: { predecessors: Array<{ code: string; kind: string; unit: { name: string; asOf: string } }> } }>(
      DEMO_USERS.districtAdmin,
      '{ unit(code: "25807", asOf: "2025-07-01") { predecessors { code kind unit { name asOf } } } }',
    );
    expect(thanhAn.data?.unit.predecessors).toEqual([
      { code: '25798', kind: 'MERGE', unit: { name: 'Xã Định Hiệp', asOf: '2025-06-30' } },
      { code: '25801', kind: 'MERGE', unit: { name: 'Xã An Lập', asOf: '2025-06-30' } },
      { code: '25807', kind: 'MERGE', unit: { name: 'Xã Thanh An', asOf: '2025-06-30' } },
    ]);
  });

  it('lets the An Lập admin read its commune’s history only', async () => {
    const history = await ask<{ unit: { name: string } }>(DEMO_USERS.anLapAdmin, '{ unit(code: "25801", asOf: "2020-01-01") { name } }');
    expect(history.data?.unit.name).toBe('Xã An Lập');
    const today = await ask(DEMO_USERS.anLapAdmin, '{ unit(code: "25807") { name } }');
    expect(errorCodes(today)).toEqual(['FORBIDDEN']);
  });
});
