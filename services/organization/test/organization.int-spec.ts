import { ORGANIZATION_TOPIC } from '@ps/contracts';
import { notEndedBy } from '@ps/effective-dating';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  queryEntities,
  recreateTestDatabase,
  serviceTestEnv,
  tokenFor,
} from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_organization_test'));
let service: RunningService;

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
});

afterAll(() => service?.stop());

const AN_LAP = '25801';
const DINH_AN = '25789';
const REASON = 'Kiện toàn tổ chức bộ máy theo Nghị định 150/2025';
const change = (effectiveDate: string, number = '15/QĐ-UBND') =>
  ({ effectiveDate, reason: REASON, decision: { number, date: '2025-06-30', signer: 'Trần Văn Chủ tịch' } });

const gql = async <Data>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(username), variables });

const CREATE = 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
const createOrganization = (username: string, input: Record<string, unknown>) =>
  gql<{ createOrganization: { id: string } }>(username, CREATE, { input });

/** Creates an organization of An Lập as its admin from 1 Jul 2025 and answers its id. */
async function established(name: string, kind: string, parentId: string | null = null, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await createOrganization(DEMO_USERS.anLapAdmin, { unitCode: AN_LAP, parentId, kind, name, change: change('2025-07-01'), ...extra });
  expect(response.errors).toBeUndefined();
  return response.data!.createOrganization.id;
}

async function addSeat(organizationId: string, title: string, capacity: number, selection = 'ELECTED') {
  const ADD = 'mutation ($id: ID!, $input: AddSeatInput!) { addSeat(organizationId: $id, input: $input) { id } }';
  const input = { title, selection, capacity, change: change('2025-07-01') };
  expect((await gql(DEMO_USERS.anLapOfficer, ADD, { id: organizationId, input })).errors).toBeUndefined();
}

/** Everything a refused write could have touched: the organization tables' rows, decisions and the outbox. */
const state = async (): Promise<Record<string, string>> =>
  (
    await service.dataSource.query(`
      SELECT (SELECT md5(coalesce(string_agg(o::text, ',' ORDER BY o.version_id), '')) FROM organization o) AS organizations,
             (SELECT md5(coalesce(string_agg(s::text, ',' ORDER BY s.version_id), '')) FROM organization_seat s) AS seats,
             (SELECT md5(coalesce(string_agg(d::text, ',' ORDER BY d.version_id), '')) FROM duty d) AS duties,
             (SELECT count(*)::text FROM decision) AS decisions,
             (SELECT count(*)::text FROM outbox) AS events`)
  )[0];

interface Recorded {
  event_type: string;
  envelope: { id: string; causationId: string | null; payload: Record<string, unknown> };
}
/** The outbox rows of one aggregate (organization id) of the given event types. */
const recorded = (key: string, ...types: string[]): Promise<Recorded[]> =>
  service.dataSource.query('SELECT event_type, envelope FROM outbox WHERE message_key = $1 AND event_type = ANY($2) ORDER BY event_type', [key, types]);

const ids: Record<string, string> = {};

describe('the commune political system of Xã An Lập', () => {
  beforeAll(async () => {
    ids.party = await established('Đảng bộ xã An Lập', 'PARTY_GRASSROOTS', null, { base: 'UNIT' });
    ids.executive = await established('Ban Chấp hành Đảng bộ xã An Lập', 'PARTY_COMMITTEE', ids.party);
    ids.cell = await established('Chi bộ ấp Bến Tranh', 'PARTY_CELL', ids.party);
    ids.council = await established('Hội đồng nhân dân xã An Lập', 'PEOPLES_COUNCIL');
    ids.committee = await established('Ủy ban nhân dân xã An Lập', 'PEOPLES_COMMITTEE');
    ids.office = await established('Văn phòng HĐND và UBND xã', 'DEPARTMENT', ids.committee);
    ids.economy = await established('Phòng Kinh tế', 'DEPARTMENT', ids.committee);
    ids.culture = await established('Phòng Văn hóa - Xã hội', 'DEPARTMENT', ids.committee);
    ids.serviceCentre = await established('Trung tâm Phục vụ hành chính công xã', 'PUBLIC_SERVICE_UNIT', ids.committee);
    ids.front = await established('Ủy ban Mặt trận Tổ quốc Việt Nam xã An Lập', 'FATHERLAND_FRONT');
    ids.youth = await established('Đoàn Thanh niên Cộng sản Hồ Chí Minh xã An Lập', 'MASS_ORGANIZATION', ids.front, { subtype: 'YOUTH_UNION' });
    ids.women = await established('Hội Liên hiệp Phụ nữ xã An Lập', 'MASS_ORGANIZATION', ids.front, { subtype: 'WOMENS_UNION' });
    await addSeat(ids.executive, 'Ủy viên Ban Chấp hành', 27);
    await addSeat(ids.executive, 'Ủy viên Ban Thường vụ', 9);
    await addSeat(ids.executive, 'Bí thư', 1);
    await addSeat(ids.committee, 'Chủ tịch Ủy ban nhân dân', 1);
  });

  it('answers the unit’s organizations as a tree, with seats, as of a date', async () => {
    type Node = { id: string; parent: { id: string } | null; children: Array<{ name: string }>; seats: unknown[]; unit: { code: string } };
    const response = await gql<{ unit: { organizations: Node[] } }>(
      DEMO_USERS.districtAdmin,
      `query ($code: ID!) { unit(code: $code, asOf: "2025-08-01") { organizations {
         id name kind parent { id } children { name } seats { title capacity selection } unit { code } } } }`,
      { code: AN_LAP },
    );
    expect(response.errors).toBeUndefined();
    const organizations = response.data!.unit.organizations;
    expect(organizations).toHaveLength(12);
    const byId = new Map(organizations.map((organization) => [organization.id, organization]));
    expect(byId.get(ids.committee)?.children.map((child) => child.name).sort()).toEqual(
      ['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội', 'Trung tâm Phục vụ hành chính công xã', 'Văn phòng HĐND và UBND xã'].sort(),
    );
    expect(byId.get(ids.economy)?.parent).toEqual({ id: ids.committee });
    expect(byId.get(ids.youth)?.parent).toEqual({ id: ids.front });
    const elected = (title: string, capacity: number) => ({ title, capacity, selection: 'ELECTED' });
    expect(byId.get(ids.executive)?.seats).toEqual(expect.arrayContaining([elected('Ủy viên Ban Chấp hành', 27), elected('Ủy viên Ban Thường vụ', 9)]));
    expect(new Set(organizations.map((organization) => organization.unit.code))).toEqual(new Set([AN_LAP]));

    const departments = await gql<{ organizations: unknown[] }>(DEMO_USERS.anLapAdmin, `{ organizations(unitCode: "${AN_LAP}", asOf: "2025-08-01", kind: DEPARTMENT) { name } }`);
    expect(departments.data?.organizations).toHaveLength(3);
    const before = await gql<{ organizations: unknown[] }>(DEMO_USERS.anLapAdmin, `{ organizations(unitCode: "${AN_LAP}", asOf: "2025-06-30") { id } }`);
    expect(before.data?.organizations).toEqual([]);
  });

  it('reads the tree in a few batched queries, not one per organization (no N+1)', async () => {
    const logQuery = jest.spyOn(service.dataSource.logger, 'logQuery');
    const response = await gql<{ unit: { organizations: unknown[] } }>(
      DEMO_USERS.districtAdmin,
      `query ($code: ID!) { unit(code: $code, asOf: "2025-08-01") { organizations {
         name parent { name } unit { code } seats { title } duties { text } decision { number }
         children { name seats { title } duties { text } children { name } } } } }`,
      { code: AN_LAP },
    );
    const queries = logQuery.mock.calls.map(([sql]) => sql).filter((sql) => /^SELECT/.test(sql) && !/outbox/.test(sql));
    logQuery.mockRestore();
    expect(response.data?.unit.organizations).toHaveLength(12);
    // unit, its organizations, then one batch each of parents, children, seats, duties, decisions (12 organizations)
    expect(queries.length).toBeGreaterThanOrEqual(5);
    expect(queries.length).toBeLessThanOrEqual(9);
  });

  it('records each creation with its decision and announces OrganizationCreated on Kafka', async () => {
    const created = await recorded(ids.committee, 'OrganizationCreated');
    expect(created).toHaveLength(1);
    expect(created[0].envelope).toMatchObject({
      aggregateId: ids.committee,
      unitPath: '74.720.25801',
      payload: {
        organization: { id: ids.committee, unitCode: AN_LAP, kind: 'PEOPLES_COMMITTEE', parentId: null, validFrom: '2025-07-01' },
        effectiveDate: '2025-07-01',
        decision: { number: '15/QĐ-UBND', date: '2025-06-30', signer: 'Trần Văn Chủ tịch' },
      },
    });
    const onKafka = async () =>
      (await service.bus.readAll(ORGANIZATION_TOPIC)).some((m) => m.key === ids.committee && m.value?.includes('"OrganizationCreated"'));
    await eventually(async () => ((await onKafka()) ? true : undefined), { what: 'OrganizationCreated on Kafka' });
    const decision = await gql<{ organization: unknown }>(DEMO_USERS.anLapAdmin, `{ organization(id: "${ids.committee}") { reason decision { number signer } } }`);
    expect(decision.data?.organization).toEqual({ reason: REASON, decision: { number: '15/QĐ-UBND', signer: 'Trần Văn Chủ tịch' } });
  });

  it('resolves Organization references for the gateway by stable id, inside the territory', async () => {
    const own = await queryEntities(service.url, 'Organization', [{ id: ids.party }], 'name', await tokenFor(DEMO_USERS.anLapAdmin));
    expect(own.data?._entities).toEqual([{ name: 'Đảng bộ xã An Lập' }]);
    const foreign = await queryEntities(service.url, 'Organization', [{ id: ids.party }], 'name', await tokenFor(DEMO_USERS.dinhAnAdmin));
    expect(foreign.data?._entities).toEqual([null]);
  });
});

describe('changing an organization', () => {
  const CHANGE = `mutation ($id: ID!, $input: ChangeOrganizationInput!) {
    changeOrganization(id: $id, input: $input) { id name kind validFrom asOf parent { id } } }`;
  const nameOn = async (asOf: string) =>
    (await gql<{ organization: { name: string; validFrom: string; validTo: string | null; parent: { id: string } } | null }>(
      DEMO_USERS.anLapAdmin,
      `{ organization(id: "${ids.economy}", asOf: "${asOf}") { name validFrom validTo parent { id } } }`,
    )).data?.organization;

  it('starts a new version on the effective date; asOf before and after show both names', async () => {
    const response = await gql(DEMO_USERS.anLapAdmin, CHANGE, {
      id: ids.economy,
      input: { name: 'Phòng Kinh tế - Hạ tầng', change: change('2026-01-01', '02/QĐ-UBND') },
    });
    expect(response.errors).toBeUndefined();
    expect(await nameOn('2025-12-31')).toEqual({ name: 'Phòng Kinh tế', validFrom: '2025-07-01', validTo: '2026-01-01', parent: { id: ids.committee } });
    expect(await nameOn('2026-01-01')).toEqual({ name: 'Phòng Kinh tế - Hạ tầng', validFrom: '2026-01-01', validTo: null, parent: { id: ids.committee } });
    const [event] = await recorded(ids.economy, 'OrganizationChanged');
    expect(event.envelope.payload).toMatchObject({
      previous: { name: 'Phòng Kinh tế', validTo: '2026-01-01' },
      organization: { name: 'Phòng Kinh tế - Hạ tầng', kind: 'DEPARTMENT', parentId: ids.committee },
      replaced: false,
    });
  });

  it('replaces the version that starts on the same day instead of adding one', async () => {
    const response = await gql(DEMO_USERS.anLapAdmin, CHANGE, {
      id: ids.economy,
      input: { name: 'Phòng Kinh tế, Hạ tầng và Đô thị', change: change('2026-01-01', '03/QĐ-UBND') },
    });
    expect(response.errors).toBeUndefined();
    const versions = await service.dataSource.query('SELECT name FROM organization WHERE id = $1 ORDER BY valid_from', [ids.economy]);
    expect(versions.map((row: { name: string }) => row.name)).toEqual(['Phòng Kinh tế', 'Phòng Kinh tế, Hạ tầng và Đô thị']);
    expect((await nameOn('2026-02-01'))?.name).toBe('Phòng Kinh tế, Hạ tầng và Đô thị');
  });

  it.each([
    ['a date before the current version', DEMO_USERS.anLapAdmin, () => ({ name: 'X', change: change('2025-12-31') }), 'BAD_USER_INPUT'],
    ['nothing to change', DEMO_USERS.anLapAdmin, () => ({ change: change('2026-03-01') }), 'BAD_USER_INPUT'],
    ['itself as its parent', DEMO_USERS.anLapAdmin, () => ({ parentId: ids.economy, change: change('2026-03-01') }), 'ORGANIZATION_PARENT_INVALID'],
    ['an officer (admins only)', DEMO_USERS.anLapOfficer, () => ({ name: 'X', change: change('2026-03-01') }), 'FORBIDDEN'],
    ['an admin of another commune', DEMO_USERS.dinhAnAdmin, () => ({ name: 'X', change: change('2026-03-01') }), 'FORBIDDEN'],
  ])('refuses %s with a typed error and changes nothing', async (_case, username, input, code) => {
    const before = await state();
    const response = await gql(username, CHANGE, { id: ids.economy, input: input() });
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0].message).toMatch(/ \/ /);
    expect(await state()).toEqual(before);
  });

  it('moves an organization under another parent of the same unit, but never under its own descendant', async () => {
    const moved = await gql(DEMO_USERS.anLapAdmin, CHANGE, { id: ids.serviceCentre, input: { parentId: ids.office, change: change('2026-02-01') } });
    expect(moved.errors).toBeUndefined();
    const before = await state();
    const cycle = await gql(DEMO_USERS.anLapAdmin, CHANGE, { id: ids.office, input: { parentId: ids.serviceCentre, change: change('2026-03-01') } });
    expect(errorCodes(cycle)).toEqual(['ORGANIZATION_PARENT_INVALID']);
    expect(await state()).toEqual(before);
  });
});

describe('closing an organization', () => {
  const CLOSE = `mutation ($id: ID!, $change: EffectiveChangeInput!) {
    closeOrganization(id: $id, change: $change) { id validTo asOf closedReason closedDecision { number } seats { title } } }`;

  it('is refused while child organizations stay open, and nothing changes', async () => {
    const before = await state();
    const response = await gql(DEMO_USERS.anLapAdmin, CLOSE, { id: ids.front, change: change('2026-06-01') });
    expect(errorCodes(response)).toEqual(['ORGANIZATION_HAS_CHILDREN']);
    expect(response.errors?.[0].extensions?.details).toMatchObject({ children: expect.arrayContaining([ids.youth, ids.women]) });
    expect(await state()).toEqual(before);
  });

  it('closes a leaf with its seats and duties on the date, announcing each', async () => {
    await addSeat(ids.women, 'Chủ tịch Hội', 1);
    const duty = await gql(DEMO_USERS.anLapOfficer, 'mutation ($id: ID!, $input: AddDutyInput!) { addDuty(organizationId: $id, input: $input) { id } }', {
      id: ids.women,
      input: { kind: 'DUTY', text: 'Bảo vệ quyền lợi của phụ nữ', change: change('2025-07-01') },
    });
    expect(duty.errors).toBeUndefined();

    const response = await gql<{ closeOrganization: Record<string, unknown> }>(DEMO_USERS.anLapAdmin, CLOSE, {
      id: ids.women,
      change: { ...change('2026-06-01', '20/QĐ-MTTQ'), reason: 'Hợp nhất vào Mặt trận Tổ quốc' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.closeOrganization).toEqual({
      id: ids.women,
      validTo: '2026-06-01',
      asOf: '2026-05-31', // its last day in force
      closedReason: 'Hợp nhất vào Mặt trận Tổ quốc',
      closedDecision: { number: '20/QĐ-MTTQ' },
      seats: [{ title: 'Chủ tịch Hội' }],
    });
    const open = await service.dataSource.query(
      `SELECT (SELECT count(*)::int FROM organization_seat seat WHERE organization_id = $1 AND ${notEndedBy('seat', "'2026-06-01'")}) +
              (SELECT count(*)::int FROM duty WHERE organization_id = $1 AND ${notEndedBy('duty', "'2026-06-01'")}) AS n`,
      [ids.women],
    );
    expect(open[0].n).toBe(0);
    const events = await recorded(ids.women, 'OrganizationClosed', 'SeatChanged', 'DutyChanged');
    const closed = events.find((row) => row.event_type === 'OrganizationClosed')!.envelope;
    expect(closed.payload.closedSeats).toHaveLength(1);
    expect(closed.payload.closedDuties).toHaveLength(1);
    const cascaded = events.filter((row) => row.envelope.payload.action === 'CLOSED');
    expect(cascaded.map((row) => row.event_type)).toEqual(['DutyChanged', 'SeatChanged']);
    for (const row of cascaded) expect(row.envelope.causationId).toBe(closed.id);

    const after = await gql(DEMO_USERS.anLapAdmin, `{ organization(id: "${ids.women}", asOf: "2026-06-01") { id } }`);
    expect(errorCodes(after)).toEqual(['NOT_IN_FORCE']);
    expect(after.errors?.[0].message).toContain('Hội Liên hiệp Phụ nữ xã An Lập (25801) không có hiệu lực vào ngày 2026-06-01, đã hết hiệu lực từ 2026-06-01');
    const front = await gql(DEMO_USERS.anLapAdmin, `{ organization(id: "${ids.front}", asOf: "2026-06-01") { children { id } } }`);
    expect(front.data).toEqual({ organization: { children: [{ id: ids.youth }] } });
  });

  it('refuses to close what is already closed', async () => {
    const before = await state();
    const response = await gql(DEMO_USERS.anLapAdmin, CLOSE, { id: ids.women, change: change('2026-07-01') });
    expect(errorCodes(response)).toEqual(['NOT_IN_FORCE']);
    expect(await state()).toEqual(before);
  });
});

describe('access', () => {
  const draft = (overrides: Record<string, unknown> = {}) =>
    ({ unitCode: AN_LAP, kind: 'MASS_ORGANIZATION', subtype: 'FARMERS_UNION', name: 'Hội Nông dân xã An Lập', change: change('2025-07-01'), ...overrides });

  it.each([
    ['an An Lập admin creating in Định An', DEMO_USERS.anLapAdmin, () => draft({ unitCode: DINH_AN }), 'FORBIDDEN'],
    ['a district viewer', DEMO_USERS.districtViewer, () => draft(), 'FORBIDDEN'],
    ['an officer (admins only)', DEMO_USERS.anLapOfficer, () => draft(), 'FORBIDDEN'],
    ['a date before the unit existed', DEMO_USERS.anLapAdmin, () => draft({ change: change('1990-01-01') }), 'NOT_IN_FORCE'],
    ['a parent of a sibling unit', DEMO_USERS.districtAdmin, () => draft({ unitCode: DINH_AN, parentId: ids.front }), 'ORGANIZATION_PARENT_INVALID'],
    ['a parent not in force yet', DEMO_USERS.anLapAdmin, () => draft({ parentId: ids.front, change: change('2025-06-01') }), 'NOT_IN_FORCE'],
    ['a parent that does not exist', DEMO_USERS.anLapAdmin, () => draft({ parentId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND'],
    ['a blank name', DEMO_USERS.anLapAdmin, () => draft({ name: '   ' }), 'BAD_USER_INPUT'],
    ['a mass organization without its subtype', DEMO_USERS.anLapAdmin, () => draft({ subtype: null }), 'BAD_USER_INPUT'],
    ['a subtype on a kind that has none', DEMO_USERS.anLapAdmin, () => draft({ kind: 'PEOPLES_COUNCIL' }), 'BAD_USER_INPUT'],
    ['a Party committee without the organization that elects it', DEMO_USERS.anLapAdmin, () => draft({ kind: 'PARTY_COMMITTEE', subtype: null }), 'ORGANIZATION_PARENT_INVALID'],
  ])('refuses %s with a typed error and writes nothing', async (_case, username, input, code) => {
    const before = await state();
    const response = await createOrganization(username, input());
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0].message).toMatch(/ \/ /);
    expect(await state()).toEqual(before);
  });

  it('places a commune’s Party organization under the district Party organization (a unit above), never under its committee', async () => {
    const district = await createOrganization(DEMO_USERS.districtAdmin, {
      unitCode: '720', kind: 'PARTY_ORGANIZATION', name: 'Đảng bộ huyện Dầu Tiếng', change: change('2025-07-01'),
    });
    expect(district.errors).toBeUndefined();
    const committee = await createOrganization(DEMO_USERS.districtAdmin, {
      unitCode: '720', parentId: district.data?.createOrganization.id, kind: 'PARTY_COMMITTEE', name: 'Huyện ủy Dầu Tiếng', change: change('2025-07-01'),
    });
    expect(committee.errors).toBeUndefined();
    const grassroots = { unitCode: DINH_AN, kind: 'PARTY_GRASSROOTS', base: 'UNIT', name: 'Đảng bộ xã Định An', change: change('2025-07-01') };
    const underCommittee = await createOrganization(DEMO_USERS.districtAdmin, { ...grassroots, parentId: committee.data?.createOrganization.id });
    expect(errorCodes(underCommittee)).toEqual(['ORGANIZATION_PARENT_INVALID']);
    const underOrganization = await createOrganization(DEMO_USERS.districtAdmin, { ...grassroots, parentId: district.data?.createOrganization.id });
    expect(underOrganization.errors).toBeUndefined();
    const seat = await gql(DEMO_USERS.districtAdmin, 'mutation ($id: ID!, $input: AddSeatInput!) { addSeat(organizationId: $id, input: $input) { id } }', {
      id: district.data?.createOrganization.id,
      input: { title: 'Bí thư', selection: 'ELECTED', capacity: 1, change: change('2025-07-01') },
    });
    expect(errorCodes(seat)).toEqual(['BAD_USER_INPUT']); // seats belong to the committee it elects
  });

  it('lets a viewer read but not change seats, and an officer change them', async () => {
    const seats = await gql<{ organization: { seats: Array<{ id: string; title: string }> } }>(
      DEMO_USERS.districtViewer,
      `{ organization(id: "${ids.executive}", asOf: "2025-08-01") { seats { id title } } }`,
    );
    const standing = seats.data!.organization.seats.find((seat) => seat.title === 'Ủy viên Ban Thường vụ')!;
    const CHANGE_SEAT = `mutation ($id: ID!, $input: ChangeSeatInput!) { changeSeat(id: $id, input: $input) { capacity validFrom } }`;
    const input = { capacity: 11, change: change('2026-01-01') };
    const before = await state();
    expect(errorCodes(await gql(DEMO_USERS.districtViewer, CHANGE_SEAT, { id: standing.id, input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(DEMO_USERS.dinhAnAdmin, CHANGE_SEAT, { id: standing.id, input }))).toEqual(['FORBIDDEN']);
    expect(await state()).toEqual(before);
    const changed = await gql(DEMO_USERS.anLapOfficer, CHANGE_SEAT, { id: standing.id, input });
    expect(changed.data).toEqual({ changeSeat: { capacity: 11, validFrom: '2026-01-01' } });
  });

  it('cuts reads to the caller’s territory: FORBIDDEN outside it, NOT_FOUND for what never was', async () => {
    const foreign = await gql(DEMO_USERS.dinhAnAdmin, `{ organization(id: "${ids.party}") { name } }`);
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    const foreignUnit = await gql(DEMO_USERS.dinhAnAdmin, `{ organizations(unitCode: "${AN_LAP}") { name } }`);
    expect(errorCodes(foreignUnit)).toEqual(['FORBIDDEN']);
    const missing = await gql(DEMO_USERS.anLapAdmin, '{ organization(id: "00000000-0000-4000-8000-000000000000") { name } }');
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    const district = await gql<{ organization: { name: string; unit: { name: string } } }>(
      DEMO_USERS.districtAdmin,
      `{ organization(id: "${ids.party}") { name unit { name } } }`,
    );
    expect(district.data?.organization).toEqual({ name: 'Đảng bộ xã An Lập', unit: { name: 'Xã An Lập' } });
  });
});
