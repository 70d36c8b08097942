import { randomUUID } from 'node:crypto';
import {
  AssignmentChanged,
  demoTerritoryAnnouncements,
  OrganizationCreated,
  type OrganizationVersion,
  PERSONNEL_TOPIC,
  QuotaChanged,
  SeatChanged,
  UnitCreated,
} from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  changeOn, DEMO_USERS, errorCodes, graphqlRequest, publishAndAwait, queryEntities, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor,
  WRITE_TRAIL_TABLES,
} from '@ps/testing';
import { personnelService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const COMMUNES = ['25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810'];
const decision = { number: '1/QĐ-UBND', date: '1999-01-01', signer: 'Chủ tịch' };
const facts = { effectiveDate: '1999-01-01', reason: 'Thành lập', decision };
const organization = (unitCode: string, kind: OrganizationVersion['kind'], name: string): OrganizationVersion => ({
  id: randomUUID(), unitCode, parentId: null, kind, subtype: null, base: 'UNIT', name, validFrom: '1999-01-01', validTo: null,
});
const org = {
  anLapParty: organization('25801', 'PARTY_COMMITTEE', 'Đảng ủy xã An Lập'),
  anLapCommittee: organization('25801', 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân xã An Lập'),
  dinhAnCommittee: organization('25789', 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân xã Định An'),
};
const seat = {
  anLapVice: { id: randomUUID(), title: 'Phó Chủ tịch Ủy ban nhân dân xã', selection: 'ELECTED' as const, capacity: 1, validFrom: '1999-01-01', validTo: null },
  dinhAnVice: { id: randomUUID(), title: 'Phó Chủ tịch Ủy ban nhân dân xã', selection: 'ELECTED' as const, capacity: 2, validFrom: '1999-01-01', validTo: null },
};
const meta = (aggregateId: string) => ({ aggregateId, actor: 'system:test' });
const organizationEvents = (): OutgoingMessage[] => [
  ...Object.values(org).map((version) => eventMessage(OrganizationCreated, { organization: version, ...facts }, meta(version.id))),
  eventMessage(SeatChanged, { action: 'ADDED', organizationId: org.anLapCommittee.id, unitCode: '25801', seat: seat.anLapVice, ...facts }, meta(org.anLapCommittee.id)),
  eventMessage(SeatChanged, { action: 'ADDED', organizationId: org.dinhAnCommittee.id, unitCode: '25789', seat: seat.dinhAnVice, ...facts }, meta(org.dinhAnCommittee.id)),
  eventMessage(QuotaChanged, {
    holderKind: 'ORGANIZATION', holderId: org.anLapCommittee.id, unitCode: '25801', previousAmount: null, amount: 5, effectiveDate: '1999-01-01',
    reason: 'Giao biên chế', decision, ended: false,
  }, meta(org.anLapCommittee.id)),
  eventMessage(QuotaChanged, {
    holderKind: 'UNIT', holderId: '25801', unitCode: '25801', previousAmount: null, amount: 40, effectiveDate: '1999-01-01', reason: 'Giao biên chế', decision, ended: false,
  }, meta('25801')),
];

const count = async (sql: string): Promise<number> => (await service.dataSource.query(sql))[0].n;
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['assignment', ...WRITE_TRAIL_TABLES]);
const ASSIGNMENT = 'id personId organizationId titleCode seatId concurrent endReason validFrom validTo decision { number }';
const assign = async (username: string, input: Record<string, unknown>) =>
  graphqlRequest<{ assign: Record<string, unknown> & { id: string } }>(service.url, `mutation ($input: AssignInput!) { assign(input: $input) { ${ASSIGNMENT} } }`, {
    token: await tokenFor(username), variables: { input },
  });
const endAssignment = async (username: string, id: string, input: Record<string, unknown>) =>
  graphqlRequest<{ endAssignment: Record<string, unknown> }>(service.url, `mutation ($id: ID!, $input: EndAssignmentInput!) { endAssignment(id: $id, input: $input) { ${ASSIGNMENT} } }`, {
    token: await tokenFor(username), variables: { id, input },
  });
const FIGURES = (asOf: string) => `staff(asOf: "${asOf}") headcount(asOf: "${asOf}") vacancies(asOf: "${asOf}") concurrentPosts(asOf: "${asOf}")`;
type Figures = { staff: number | null; headcount: number | null; vacancies: number | null; concurrentPosts: number | null };
const unitFigures = async (username: string, codes: string[], asOf: string) =>
  (await queryEntities<Figures>(service.url, 'AdministrativeUnit', codes.map((code) => ({ code })), FIGURES(asOf), await tokenFor(username))).data?._entities;
const organizationFigures = async (username: string, ids: string[], asOf: string) =>
  (await queryEntities<Figures>(service.url, 'Organization', ids.map((id) => ({ id })), FIGURES(asOf), await tokenFor(username))).data?._entities;
const figures = (staff: number, headcount: number, vacancies: number | null, concurrentPosts: number) => ({ staff, headcount, vacancies, concurrentPosts });

const people: Record<string, string> = {};
async function registerPerson(key: string, unitCode: string, personalId: string): Promise<void> {
  const response = await graphqlRequest<{ registerPerson: { id: string } }>(service.url, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOfficer),
    variables: {
      input: {
        unitCode, fullName: `Người Thử ${key}`, personalId, birthDate: `19${personalId.slice(4, 6)}-01-01`, gender: 'MALE', ethnicity: 'Kinh',
        homePlace: 'Bình Dương', category: 'CADRE', change: changeOn('1999-06-01'),
      },
    },
  });
  expect(response.errors).toBeUndefined();
  people[key] = response.data?.registerPerson.id ?? '';
}

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  const communes = COMMUNES.filter((code) => !['25789', '25801'].includes(code)).map((code) =>
    eventMessage(UnitCreated, { code, name: `Xã ${code}`, tier: 'COMMUNE', parentCode: '720', path: `74.720.${code}`, validFrom: '1999-01-01', validTo: null, decision: null },
      meta(code)),
  );
  await publishAndAwait([...demoTerritoryAnnouncements(), ...communes], (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'), 'territory projected');
  const events = organizationEvents();
  const ids = events.map((message) => JSON.parse(message.value).id);
  await publishAndAwait(events, (messages) => service.bus.publish(messages),
    () => count(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'personnel.organizations' AND event_id::text IN ('${ids.join("','")}')`),
    'organizations, seats and quotas projected');
  await registerPerson('a', '25801', '074070000011');
  await registerPerson('b', '25801', '074071000012');
  await registerPerson('c', '25801', '074072000013');
  await registerPerson('d', '25789', '074073000014');
});

afterAll(() => service?.stop());

describe('the organization projection', () => {
  it('keeps seats and organizations’ staffing quotas, and leaves units’ quotas to organization', async () => {
    expect(await service.dataSource.query('SELECT organization_id, title, capacity FROM organization_seat ORDER BY capacity')).toEqual([
      { organization_id: org.anLapCommittee.id, title: 'Phó Chủ tịch Ủy ban nhân dân xã', capacity: 1 },
      { organization_id: org.dinhAnCommittee.id, title: 'Phó Chủ tịch Ủy ban nhân dân xã', capacity: 2 },
    ]);
    expect(await service.dataSource.query('SELECT organization_id, amount, valid_from::text FROM organization_quota')).toEqual([
      { organization_id: org.anLapCommittee.id, amount: 5, valid_from: '1999-01-01' },
    ]);
  });
});

describe('assign', () => {
  const secretary = () => ({ personId: people.a, organizationId: org.anLapParty.id, titleCode: 'COMMUNE_PARTY_SECRETARY', change: changeOn('2000-01-01', { number: '9-QĐ/HU' }) });

  it('assigns a person to a title from the effective date, with one decision, audit row and event', async () => {
    const before = await written();
    const response = await assign(DEMO_USERS.anLapOfficer, secretary());
    expect(response.errors).toBeUndefined();
    expect(response.data?.assign).toMatchObject({
      personId: people.a, titleCode: 'COMMUNE_PARTY_SECRETARY', concurrent: false, seatId: null, validFrom: '2000-01-01', validTo: null, decision: { number: '9-QĐ/HU' },
    });
    const after = await written();
    expect(Object.fromEntries(Object.entries(after).map(([table, n]) => [table, n - before[table]]))).toEqual({ assignment: 1, decision: 1, audit_log: 1, outbox: 1 });
    const [event] = await service.dataSource.query("SELECT topic, envelope FROM outbox WHERE event_type = 'AssignmentChanged'");
    expect(event.topic).toBe(PERSONNEL_TOPIC);
    expect(AssignmentChanged.payload.parse(event.envelope.payload)).toMatchObject({ action: 'ASSIGNED', unitCode: '25801', concurrent: false, endReason: null });
  });

  it('takes a second post of the same person as a concurrent one (kiêm nhiệm)', async () => {
    const response = await assign(DEMO_USERS.anLapOfficer, {
      personId: people.a, organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_CHAIR', concurrent: true, change: changeOn('2000-01-01'),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.assign).toMatchObject({ concurrent: true });
  });

  it('fills a seat of the organization, recording the decision', async () => {
    const response = await assign(DEMO_USERS.anLapOfficer, {
      personId: people.b, organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, change: changeOn('2000-01-01', { number: '3/QĐ-UBND' }),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.assign).toMatchObject({ seatId: seat.anLapVice.id, decision: { number: '3/QĐ-UBND' } });
  });

  const vice = { organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', change: changeOn('2000-06-01') };
  it.each([
    ['a second primary post', DEMO_USERS.anLapOfficer, () => ({ ...vice, personId: people.a }), 'PRIMARY_ASSIGNMENT_TAKEN', 'PRIMARY_ASSIGNMENT_TAKEN'],
    ['the same post twice', DEMO_USERS.anLapOfficer, () => ({ ...secretary(), concurrent: true }), 'ALREADY_ASSIGNED', 'ALREADY_ASSIGNED'],
    ['a full seat', DEMO_USERS.anLapOfficer, () => ({ ...vice, personId: people.c, seatId: seat.anLapVice.id }), 'SEAT_FULL', 'SEAT_FULL'],
    ['a seat of another organization', DEMO_USERS.districtOfficer, () => ({ ...vice, personId: people.c, seatId: seat.dinhAnVice.id }), 'BAD_USER_INPUT', 'SEAT_OF_ANOTHER_ORGANIZATION'],
    ['a title of another kind of organization', DEMO_USERS.anLapOfficer, () => ({ ...vice, personId: people.c, titleCode: 'COMMUNE_PARTY_SECRETARY' }), 'BAD_USER_INPUT', 'TITLE_ORGANIZATION_KIND'],
    ['a title of another tier', DEMO_USERS.anLapOfficer, () => ({ ...vice, personId: people.c, titleCode: 'DISTRICT_COMMITTEE_CHAIR' }), 'BAD_USER_INPUT', 'TITLE_TIER'],
    ['a title not in the catalogue', DEMO_USERS.anLapOfficer, () => ({ ...vice, personId: people.c, titleCode: 'COMMUNE_KING' }), 'NOT_FOUND', 'TITLE_NOT_FOUND'],
    ['an organization unknown', DEMO_USERS.anLapOfficer, () => ({ ...vice, personId: people.c, organizationId: randomUUID() }), 'NOT_FOUND', 'ORGANIZATION_NOT_FOUND'],
    ['an organization outside the territory', DEMO_USERS.anLapOfficer, () => ({ ...vice, personId: people.c, organizationId: org.dinhAnCommittee.id }), 'FORBIDDEN', undefined],
    ['a person outside the territory', DEMO_USERS.anLapOfficer, () => ({ ...vice, personId: people.d }), 'NOT_FOUND', 'PERSON_NOT_FOUND'],
    ['a viewer', DEMO_USERS.districtViewer, () => ({ ...vice, personId: people.c }), 'FORBIDDEN', 'CAPABILITY'],
  ])('refuses %s and writes nothing', async (_case, username, input, code, reason) => {
    const before = await written();
    const response = await assign(username, input());
    expect(errorCodes(response)).toEqual([code]);
    if (reason) expect(response.errors?.[0].extensions).toMatchObject({ details: { reason } });
    expect(await written()).toEqual(before);
  });

  it('enforces one primary post in the table itself', async () => {
    const insert = (id: string) => service.dataSource.query(
      "INSERT INTO assignment (id, person_id, organization_id, title_code, concurrent, valid_from, created_by) VALUES ($1, $2, $3, 'X', false, '2003-01-01', 'test')",
      [id, people.a, org.anLapCommittee.id],
    );
    await expect(insert(randomUUID())).rejects.toMatchObject({ driverError: { constraint: 'assignment_one_primary' } });
  });
});

describe('ends, figures and concurrent titles', () => {
  it('ends an assignment for a reason on a date, once', async () => {
    const [{ id }] = await service.dataSource.query("SELECT id FROM assignment WHERE person_id = $1", [people.b]);
    const response = await endAssignment(DEMO_USERS.anLapOfficer, id, { endReason: 'RESIGNED', change: changeOn('2005-01-01') });
    expect(response.errors).toBeUndefined();
    expect(response.data?.endAssignment).toMatchObject({ endReason: 'RESIGNED', validTo: '2005-01-01' });
    expect(errorCodes(await endAssignment(DEMO_USERS.anLapOfficer, id, { endReason: 'RESIGNED', change: changeOn('2006-01-01') }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await endAssignment(DEMO_USERS.dinhAnAdmin, randomUUID(), { endReason: 'RESIGNED', change: changeOn('2006-01-01') }))).toEqual(['NOT_FOUND']);
  });

  it('counts staff, headcount, vacancies and concurrent posts of units (with everything below) and organizations, inside the territory only', async () => {
    expect(await unitFigures(DEMO_USERS.districtAdmin, ['720', '25801', '25789'], '2001-01-01')).toEqual([
      figures(2, 2, 3, 1), figures(2, 2, 3, 1), figures(0, 0, null, 0),
    ]);
    expect(await unitFigures(DEMO_USERS.districtAdmin, ['720', '25801'], '2006-01-01')).toEqual([figures(1, 1, 4, 1), figures(1, 1, 4, 1)]);
    expect(await unitFigures(DEMO_USERS.anLapAdmin, ['720', '25801', '25789'], '2001-01-01')).toEqual([
      { staff: null, headcount: null, vacancies: null, concurrentPosts: null }, figures(2, 2, 3, 1), { staff: null, headcount: null, vacancies: null, concurrentPosts: null },
    ]);
    expect(await organizationFigures(DEMO_USERS.districtAdmin, [org.anLapCommittee.id, org.anLapParty.id, org.dinhAnCommittee.id], '2001-01-01')).toEqual([
      figures(2, 1, 4, 1), figures(1, 1, null, 0), figures(0, 0, null, 0),
    ]);
  });

  it('finds the units whose Party secretary is also People’s Committee chair, inside the territory only', async () => {
    const holders = async (username: string, asOf: string) => {
      const response = await graphqlRequest<{ concurrentTitleHolders: Array<{ unitCode: string; unitName: string; person: { id: string } }> }>(
        service.url,
        `{ concurrentTitleHolders(unitCode: "720", titleCodes: ["COMMUNE_PARTY_SECRETARY", "COMMUNE_COMMITTEE_CHAIR"], asOf: "${asOf}") { unitCode unitName titleCodes person { id } } }`,
        { token: await tokenFor(username) },
      );
      expect(response.errors).toBeUndefined();
      return response.data?.concurrentTitleHolders;
    };
    expect(await holders(DEMO_USERS.districtAdmin, '2001-01-01')).toEqual([
      { unitCode: '25801', unitName: expect.any(String), titleCodes: ['COMMUNE_PARTY_SECRETARY', 'COMMUNE_COMMITTEE_CHAIR'], person: { id: people.a } },
    ]);
    expect(await holders(DEMO_USERS.districtAdmin, '1999-12-31')).toEqual([]);
    expect(await holders(DEMO_USERS.dinhAnAdmin, '2001-01-01')).toEqual([]);
  });

  it('answers the four figures and partyMemberCount of a district and its twelve communes with two statements, as for one unit', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    const counted = async (codes: string[]) => {
      statements.mockClear();
      const answer = await queryEntities<Figures>(
        service.url, 'AdministrativeUnit', codes.map((code) => ({ code })), `${FIGURES('2001-01-01')} partyMemberCount(asOf: "2001-01-01")`, await tokenFor(DEMO_USERS.districtAdmin),
      );
      expect(answer.data?._entities).toHaveLength(codes.length);
      return statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql))).length;
    };
    try {
      expect(await counted(['720'])).toBe(2);
      expect(await counted(['720', ...COMMUNES])).toBe(2);
    } finally {
      statements.mockRestore();
    }
  });

  it('answers the concurrent title holders of a district with one statement', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      await graphqlRequest(service.url, '{ concurrentTitleHolders(unitCode: "720", titleCodes: ["COMMUNE_PARTY_SECRETARY", "COMMUNE_COMMITTEE_CHAIR"], asOf: "2001-01-01") { unitCode person { fullName } } }', {
        token: await tokenFor(DEMO_USERS.districtAdmin),
      });
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
  });
});

describe('seats and vacancies', () => {
  const SEAT = 'seatId organizationName unitCode title capacity filled vacant vacantSince holders { personId titleCode since }';
  const ask = async <T>(username: string, query: string) => {
    const response = await graphqlRequest<T>(service.url, query, { token: await tokenFor(username) });
    expect(response.errors).toBeUndefined();
    return response.data;
  };
  const seatsOf = async (username: string, organizationId: string, asOf: string) =>
    (await ask<{ organizationSeats: unknown[] }>(username, `{ organizationSeats(organizationId: "${organizationId}", asOf: "${asOf}") { ${SEAT} } }`))?.organizationSeats;
  const vacant = async (username: string, asOf: string) =>
    (await ask<{ vacantSeats: Array<{ seatId: string }> }>(username, `{ vacantSeats(unitCode: "720", asOf: "${asOf}") { seatId vacantSince } }`))?.vacantSeats;

  it('lists an organization’s seats with their holders, filled and vacant places, and since when one is vacant', async () => {
    expect(await seatsOf(DEMO_USERS.anLapAdmin, org.anLapCommittee.id, '2001-01-01')).toEqual([{
      seatId: seat.anLapVice.id, organizationName: 'Ủy ban nhân dân xã An Lập', unitCode: '25801', title: seat.anLapVice.title, capacity: 1, filled: 1, vacant: 0,
      vacantSince: null, holders: [{ personId: people.b, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', since: '2000-01-01' }],
    }]);
    expect(await seatsOf(DEMO_USERS.anLapAdmin, org.anLapCommittee.id, '2006-01-01')).toMatchObject([{ filled: 0, vacant: 1, vacantSince: '2005-01-01', holders: [] }]);
    expect(await seatsOf(DEMO_USERS.anLapAdmin, org.dinhAnCommittee.id, '2006-01-01')).toEqual([]);
  });

  it('finds the vacant seats of a district and below, inside the territory only, in one statement', async () => {
    expect(await vacant(DEMO_USERS.districtAdmin, '2001-01-01')).toEqual([{ seatId: seat.dinhAnVice.id, vacantSince: '1999-01-01' }]);
    expect(await vacant(DEMO_USERS.districtAdmin, '2006-01-01')).toEqual([
      { seatId: seat.dinhAnVice.id, vacantSince: '1999-01-01' }, { seatId: seat.anLapVice.id, vacantSince: '2005-01-01' },
    ]);
    expect(await vacant(DEMO_USERS.anLapAdmin, '2006-01-01')).toEqual([{ seatId: seat.anLapVice.id, vacantSince: '2005-01-01' }]);
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      await vacant(DEMO_USERS.districtAdmin, '2006-01-01');
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
  });
});

describe('transferAssignment', () => {
  const transfer = async (username: string, id: string, input: Record<string, unknown>) =>
    graphqlRequest<{ transferAssignment: Record<string, unknown> }>(
      service.url, `mutation ($id: ID!, $input: TransferAssignmentInput!) { transferAssignment(id: $id, input: $input) { ${ASSIGNMENT} } }`,
      { token: await tokenFor(username), variables: { id, input } },
    );

  it('ends the assignment (TRANSFERRED) and begins the new post on one decision, with one audit row and two events', async () => {
    const first = await assign(DEMO_USERS.anLapOfficer, { personId: people.c, organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_OFFICE_STATISTICS', change: changeOn('2010-01-01') });
    expect(first.errors).toBeUndefined();
    const id = first.data?.assign.id ?? '';
    const before = await written();
    const response = await transfer(DEMO_USERS.anLapOfficer, id, {
      organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, change: changeOn('2011-01-01', { number: '20/QĐ-UBND' }),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.transferAssignment).toMatchObject({
      personId: people.c, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, validFrom: '2011-01-01', decision: { number: '20/QĐ-UBND' },
    });
    const after = await written();
    expect(Object.fromEntries(Object.entries(after).map(([table, n]) => [table, n - before[table]]))).toEqual({ assignment: 1, decision: 1, audit_log: 1, outbox: 2 });
    expect(await service.dataSource.query('SELECT valid_to::text, end_reason FROM assignment WHERE id = $1', [id])).toEqual([{ valid_to: '2011-01-01', end_reason: 'TRANSFERRED' }]);
  });

  it('refuses a move to the post already held, and writes nothing', async () => {
    const [{ id }] = await service.dataSource.query("SELECT id FROM assignment WHERE person_id = $1 AND valid_to IS NULL", [people.c]);
    const before = await written();
    const response = await transfer(DEMO_USERS.anLapOfficer, id, {
      organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', seatId: seat.anLapVice.id, change: changeOn('2012-01-01'),
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'SAME_POST' } });
    expect(await written()).toEqual(before);
  });
});
