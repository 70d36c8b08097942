import { randomUUID } from 'node:crypto';
import { demoTerritoryAnnouncements, type OrganizationVersion, OrganizationClosed, OrganizationCreated, ORGANIZATION_TOPIC, PERSONNEL_TOPIC, UnitCreated } from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
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
let service: RunningService;

/** Dầu Tiếng's twelve communes (two of them already in the demo territory). */
const COMMUNES = ['25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810'];
const decision = { number: '1/QĐ-TU', date: '1999-01-01', signer: 'Bí thư' };
const organization = (unitCode: string, kind: OrganizationVersion['kind'], name: string, validFrom = '1999-01-01'): OrganizationVersion => ({
  id: randomUUID(), unitCode, parentId: null, kind, subtype: null, base: 'UNIT', name, validFrom, validTo: null,
});
const org = {
  district: organization('720', 'PARTY_ORGANIZATION', 'Đảng bộ huyện Dầu Tiếng'),
  anLap: organization('25801', 'PARTY_GRASSROOTS', 'Đảng bộ xã An Lập'),
  dinhAn: organization('25789', 'PARTY_GRASSROOTS', 'Đảng bộ xã Định An'),
  school: organization('25801', 'PARTY_GRASSROOTS', 'Chi bộ cơ sở Trường THCS An Lập', '1999-01-01'),
  committee: organization('25801', 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân xã An Lập'),
};
const created = (version: OrganizationVersion): OutgoingMessage =>
  eventMessage(OrganizationCreated, { organization: version, effectiveDate: version.validFrom, reason: 'Thành lập', decision }, { aggregateId: version.id, actor: 'system:test' });

const written = () => rowCounts((sql) => service.dataSource.query(sql), ['party_membership', ...WRITE_TRAIL_TABLES]);
const count = async (sql: string): Promise<number> => (await service.dataSource.query(sql))[0].n;

const MEMBERSHIP = 'id personId partyOrganizationId admissionDate officialDate cardNumber endReason validFrom validTo decision { number }';
const mutate = async (username: string, mutation: string, variables: Record<string, unknown>) =>
  graphqlRequest<Record<string, { id: string } & Record<string, unknown>>>(service.url, mutation, { token: await tokenFor(username), variables });
const admit = (username: string, input: Record<string, unknown>) =>
  mutate(username, `mutation ($input: AdmitPartyMemberInput!) { admitPartyMember(input: $input) { ${MEMBERSHIP} } }`, { input });
const transfer = (username: string, id: string, input: Record<string, unknown>) =>
  mutate(username, `mutation ($id: ID!, $input: TransferPartyMembershipInput!) { transferPartyMembership(id: $id, input: $input) { ${MEMBERSHIP} } }`, { id, input });
const end = (username: string, id: string, input: Record<string, unknown>) =>
  mutate(username, `mutation ($id: ID!, $input: EndPartyMembershipInput!) { endPartyMembership(id: $id, input: $input) { ${MEMBERSHIP} } }`, { id, input });

const unitCounts = async (username: string, codes: string[], asOf: string) =>
  (await queryEntities<{ code: string; partyMemberCount: number | null }>(
    service.url, 'AdministrativeUnit', codes.map((code) => ({ code })), `code partyMemberCount(asOf: "${asOf}")`, await tokenFor(username),
  )).data?._entities.map((unit) => unit.partyMemberCount);
const organizationCounts = async (username: string, ids: string[], asOf: string) =>
  (await queryEntities<{ id: string; partyMemberCount: number | null }>(
    service.url, 'Organization', ids.map((id) => ({ id })), `id partyMemberCount(asOf: "${asOf}")`, await tokenFor(username),
  )).data?._entities.map((organization) => organization.partyMemberCount);

const people: Record<string, string> = {};
/** Commune cadres, put on file by the district organization board that manages them (Party membership itself is not guarded so). */
async function registerPerson(key: string, unitCode: string, personalId: string): Promise<void> {
  const response = await graphqlRequest<{ registerPerson: { id: string } }>(
    service.url,
    'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
    {
      token: await tokenFor(DEMO_USERS.districtOrganizationBoard),
      variables: {
        input: {
          unitCode, fullName: `Người Thử ${key}`, personalId, birthDate: `19${personalId.slice(4, 6)}-01-01`, gender: 'MALE', ethnicity: 'Kinh',
          homePlace: 'Bình Dương', category: 'CADRE', change: changeOn('1999-06-01'),
        },
      },
    },
  );
  expect(response.errors).toBeUndefined();
  people[key] = response.data?.registerPerson.id ?? '';
}

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  const communes = COMMUNES.filter((code) => !['25789', '25801'].includes(code)).map((code) =>
    eventMessage(UnitCreated, { code, name: `Xã ${code}`, tier: 'COMMUNE', parentCode: '720', path: `74.720.${code}`, validFrom: '1999-01-01', validTo: null, decision: null },
      { aggregateId: code, actor: 'system:test' }),
  );
  await publishAndAwait([...demoTerritoryAnnouncements(), ...communes], (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'), 'territory projected');
  const closed = eventMessage(
    OrganizationClosed,
    { organization: { ...org.school, validTo: '2005-01-01' }, closedSeats: [], closedDuties: [], effectiveDate: '2005-01-01', reason: 'Giải thể', decision },
    { aggregateId: org.school.id, actor: 'system:test' },
  );
  const organizations = [...Object.values(org).map(created), closed];
  const ids = organizations.map((message) => JSON.parse(message.value).id);
  await publishAndAwait(organizations, (messages) => service.bus.publish(messages),
    () => count(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'personnel.organizations' AND event_id::text IN ('${ids.join("','")}')`),
    'Party organizations projected');
  await registerPerson('a', '25801', '074070000001');
  await registerPerson('b', '25789', '074071000002');
  await registerPerson('c', '25801', '074072000003');
  await registerPerson('d', '25789', '074073000004');
});

afterAll(() => service?.stop());

describe('the organization projection', () => {
  it('keeps every kind, each version with its end', async () => {
    expect(await service.dataSource.query('SELECT name, kind, valid_to::text FROM organization ORDER BY name')).toEqual([
      { name: 'Chi bộ cơ sở Trường THCS An Lập', kind: 'PARTY_GRASSROOTS', valid_to: '2005-01-01' },
      { name: 'Đảng bộ huyện Dầu Tiếng', kind: 'PARTY_ORGANIZATION', valid_to: null },
      { name: 'Đảng bộ xã An Lập', kind: 'PARTY_GRASSROOTS', valid_to: null },
      { name: 'Đảng bộ xã Định An', kind: 'PARTY_GRASSROOTS', valid_to: null },
      { name: 'Ủy ban nhân dân xã An Lập', kind: 'PEOPLES_COMMITTEE', valid_to: null },
    ]);
  });

  it('applies each event once, also when every event is delivered a second time', async () => {
    const rows = () => service.dataSource.query('SELECT id, valid_from, valid_to, updated_at FROM organization ORDER BY id, valid_from');
    const before = await rows();
    const delivered = await service.bus.readAll(ORGANIZATION_TOPIC);
    await service.bus.publish(delivered.map((m) => ({ topic: ORGANIZATION_TOPIC, key: m.key ?? '', value: m.value ?? '' })));
    await eventually(async () => ((await service.bus.consumerLag('personnel.organizations', ORGANIZATION_TOPIC)) === 0 ? true : undefined), {
      what: 'duplicates consumed',
    });
    expect(await rows()).toEqual(before);
  });
});

describe('admitPartyMember', () => {
  it('admits a person from the effective date, with one decision, audit row and event', async () => {
    const before = await written();
    const response = await admit(DEMO_USERS.anLapOfficer, {
      personId: people.a, partyOrganizationId: org.anLap.id, officialDate: '2001-03-01', cardNumber: ' 74.000001 ', change: changeOn('2000-03-01', { number: '5-QĐ/HU' }),
    });
    expect(response.errors).toBeUndefined();
    const membership = response.data?.admitPartyMember;
    expect(membership).toMatchObject({
      personId: people.a, partyOrganizationId: org.anLap.id, admissionDate: '2000-03-01', officialDate: '2001-03-01', cardNumber: '74.000001',
      endReason: null, validFrom: '2000-03-01', validTo: null, decision: { number: '5-QĐ/HU' },
    });
    expect(await written()).toEqual({ party_membership: before.party_membership + 1, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1 });
    const message = await eventually(async () => (await service.bus.readAll(PERSONNEL_TOPIC)).find((m) => m.key === membership?.id), {
      what: 'PartyMembershipChanged on Kafka',
    });
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      type: 'PartyMembershipChanged', unitPath: '74.720.25801',
      payload: { membershipId: membership?.id, personId: people.a, action: 'ADMITTED', partyOrganizationId: org.anLap.id, unitCode: '25801', endReason: null },
    });
  });

  it('admits others in the district and the commune next door', async () => {
    for (const [person, organization, card] of [[people.b, org.dinhAn.id, '74.000002'], [people.c, org.district.id, null]]) {
      const response = await admit(DEMO_USERS.districtOfficer, { personId: person, partyOrganizationId: organization, cardNumber: card, change: changeOn('2000-06-01') });
      expect(response.errors).toBeUndefined();
    }
  });

  it.each([
    ['an organization that is not a Party organization', DEMO_USERS.anLapOfficer, () => ({ partyOrganizationId: org.committee.id }), 'NOT_FOUND'],
    ['a Party organization that does not exist', DEMO_USERS.anLapOfficer, () => ({ partyOrganizationId: randomUUID() }), 'NOT_FOUND'],
    ['a Party organization closed by then', DEMO_USERS.anLapOfficer, () => ({ partyOrganizationId: org.school.id, change: changeOn('2006-01-01') }), 'NOT_IN_FORCE'],
    ['a Party organization outside the territory', DEMO_USERS.anLapOfficer, () => ({ partyOrganizationId: org.dinhAn.id }), 'FORBIDDEN'],
    ['a person outside the territory', DEMO_USERS.anLapOfficer, () => ({ personId: people.b }), 'NOT_FOUND'],
    ['a person not yet registered then', DEMO_USERS.anLapOfficer, () => ({ change: changeOn('1999-05-01') }), 'NOT_FOUND'],
    ['an official date before admission', DEMO_USERS.anLapOfficer, () => ({ officialDate: '2002-01-01' }), 'BAD_USER_INPUT'],
    ['a card number already taken', DEMO_USERS.districtOfficer, () => ({ personId: people.d, partyOrganizationId: org.dinhAn.id, cardNumber: '74.000001' }), 'CARD_NUMBER_TAKEN'],
    ['a person already a member then', DEMO_USERS.anLapOfficer, () => ({ personId: people.a }), 'ALREADY_PARTY_MEMBER'],
    ['a viewer', DEMO_USERS.districtViewer, () => ({}), 'FORBIDDEN'],
  ])('refuses %s and writes nothing', async (_case, username, input, code) => {
    const before = await written();
    const response = await admit(username, {
      personId: people.a, partyOrganizationId: org.anLap.id, change: changeOn('2002-06-01', { number: '99/QĐ-HU' }), ...input(),
    });
    expect(errorCodes(response)).toEqual([code]);
    expect(await written()).toEqual(before);
  });

  it('tells nothing of a closed Party organization to a caller who could not see it while it was in force', async () => {
    const before = await written();
    const response = await admit(DEMO_USERS.dinhAnAdmin, { personId: people.b, partyOrganizationId: org.school.id, change: changeOn('2006-01-01') });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(response.errors)).not.toContain(org.school.name);
    expect(await written()).toEqual(before);
  });
});

describe('transfers, ends and counts', () => {
  const membershipOf = async (person: string): Promise<string> =>
    (await service.dataSource.query('SELECT DISTINCT id FROM party_membership WHERE person_id = $1', [person]))[0].id;

  it('moves a member to another Party organization from a date, keeping the history', async () => {
    const response = await transfer(DEMO_USERS.districtOfficer, await membershipOf(people.a), { partyOrganizationId: org.dinhAn.id, change: changeOn('2010-01-01') });
    expect(response.errors).toBeUndefined();
    expect(response.data?.transferPartyMembership).toMatchObject({ partyOrganizationId: org.dinhAn.id, admissionDate: '2000-03-01', cardNumber: '74.000001', validFrom: '2010-01-01' });
    // The commune that lost the member can no longer move them.
    const again = await transfer(DEMO_USERS.anLapOfficer, await membershipOf(people.a), { partyOrganizationId: org.anLap.id, change: changeOn('2011-01-01') });
    expect(errorCodes(again)).toEqual(['NOT_FOUND']);
  });

  it('ends a membership for a reason on a date', async () => {
    const response = await end(DEMO_USERS.districtOfficer, await membershipOf(people.b), { endReason: 'DECEASED', change: changeOn('2012-01-01') });
    expect(response.errors).toBeUndefined();
    expect(response.data?.endPartyMembership).toMatchObject({ endReason: 'DECEASED', validTo: '2012-01-01' });
    const twice = await end(DEMO_USERS.districtOfficer, await membershipOf(people.b), { endReason: 'DECEASED', change: changeOn('2012-02-01') });
    expect(errorCodes(twice)).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['1999-12-31', [0, 0, 0, 0]],
    ['2001-01-01', [3, 1, 1, 0]],
    ['2011-01-01', [3, 0, 2, 0]],
    ['2013-01-01', [2, 0, 1, 0]],
  ])('counts Party members as of %s: the district with everything below it, and each commune', async (asOf, expected) => {
    expect(await unitCounts(DEMO_USERS.districtAdmin, ['720', '25801', '25789', '25777'], asOf)).toEqual(expected);
  });

  it('counts a Party organization’s own members, inside the territory only', async () => {
    const ids = [org.district.id, org.anLap.id, org.dinhAn.id, org.committee.id, 'not-an-id'];
    expect(await organizationCounts(DEMO_USERS.districtAdmin, ids, '2011-01-01')).toEqual([1, 0, 2, null, null]);
    expect(await organizationCounts(DEMO_USERS.anLapAdmin, ids, '2001-01-01')).toEqual([null, 1, null, null, null]);
    expect(await unitCounts(DEMO_USERS.anLapAdmin, ['720', '25801', '25789'], '2001-01-01')).toEqual([null, 1, null]);
  });

  it('answers a district and its twelve communes with one SQL statement, as it answers two units', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    const counted = async (codes: string[]) => {
      statements.mockClear();
      await unitCounts(DEMO_USERS.districtAdmin, codes, '2011-01-01');
      return statements.mock.calls.filter(([sql]) => sql.includes('party_membership')).length;
    };
    try {
      expect(await counted(['720', ...COMMUNES])).toBe(1);
      expect(await counted(['720', '25801'])).toBe(1);
    } finally {
      statements.mockRestore();
    }
  });

  it('answers headcount and partyMemberCount of a district and its twelve communes with as many statements as for one unit', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    const counted = async (codes: string[]) => {
      statements.mockClear();
      const answer = await queryEntities<{ headcount: number | null; partyMemberCount: number | null }>(
        service.url, 'AdministrativeUnit', codes.map((code) => ({ code })),
        'headcount(asOf: "2011-01-01") partyMemberCount(asOf: "2011-01-01")', await tokenFor(DEMO_USERS.districtAdmin),
      );
      expect(answer.data?._entities).toHaveLength(codes.length);
      // The outbox relay polls on its own schedule, inside its own transactions: not the request's.
      return statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql))).length;
    };
    try {
      // Every statement of the request: one per count, nothing per unit.
      expect(await counted(['720'])).toBe(2);
      expect(await counted(['720', ...COMMUNES])).toBe(2);
    } finally {
      statements.mockRestore();
    }
  });
});
