import { randomUUID } from 'node:crypto';
import { type OrganizationVersion, OrganizationClosed, OrganizationCreated, ORGANIZATION_TOPIC, QuotaChanged } from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, type RunningService } from '@ps/service-kit';
import { isOpenVersion, notEndedBy } from '@ps/effective-dating';
import { changeOn, DEMO_USERS, errorCodes, eventually, graphqlRequest, publishAndAwait, queryEntities, serviceTestEnv, tokenFor } from '@ps/testing';
import { followAllSuccessions } from '../src/succession/succession.follow';
import { startWithSuccessionCommunes } from './succession.fixtures';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const decision = { number: '1/QĐ-TU', date: '1999-01-01', signer: 'Bí thư' };
const merger = { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội' };
const organization = (unitCode: string, name: string, kind: OrganizationVersion['kind'] = 'PARTY_GRASSROOTS'): OrganizationVersion => ({
  id: randomUUID(), unitCode, parentId: null, kind, subtype: null, base: 'UNIT', name, validFrom: '1999-01-01', validTo: null,
});
const org = {
  anLap: organization('25801', 'Đảng bộ xã An Lập'),
  dinhHiep: organization('25798', 'Đảng bộ xã Định Hiệp'),
  thanhAn: organization('25807', 'Đảng bộ xã Thanh An'),
  school: organization('25798', 'Chi bộ cơ sở Trường THCS Định Hiệp'),
  anLapCommittee: organization('25801', 'Ủy ban nhân dân xã An Lập', 'PEOPLES_COMMITTEE'),
  thanhAnCommittee: organization('25807', 'Ủy ban nhân dân xã Thanh An', 'PEOPLES_COMMITTEE'),
};
const created = (version: OrganizationVersion): OutgoingMessage =>
  eventMessage(OrganizationCreated, { organization: version, effectiveDate: version.validFrom, reason: 'Thành lập', decision }, { aggregateId: version.id, actor: 'system:test' });
const closedInto = (version: OrganizationVersion, successorId: string | null): OutgoingMessage =>
  eventMessage(
    OrganizationClosed,
    { organization: { ...version, validTo: '2025-07-01' }, closedSeats: [], closedDuties: [], successorId, effectiveDate: '2025-07-01', reason: 'Sắp xếp đơn vị hành chính cấp xã', decision: merger },
    { aggregateId: version.id, actor: 'system:test' },
  );

const count = async (sql: string, parameters: unknown[] = []): Promise<number> => (await service.dataSource.query(sql, parameters))[0].n;
const held = async () => [
  ...(await service.dataSource.query('SELECT id, party_organization_id, valid_from::text, valid_to::text FROM party_membership ORDER BY id, valid_from')),
  ...(await service.dataSource.query('SELECT id, organization_id, valid_from::text, valid_to::text FROM assignment ORDER BY id, valid_from')),
  ...(await service.dataSource.query('SELECT id, unit_code, valid_from::text, valid_to::text FROM person ORDER BY id, valid_from')),
];
const members = async (id: string, asOf: string) =>
  (await queryEntities<{ partyMemberCount: number }>(service.url, 'Organization', [{ id }], `partyMemberCount(asOf: "${asOf}")`, await tokenFor(DEMO_USERS.districtOfficer)))
    .data?._entities[0].partyMemberCount;
const consumed = (messages: OutgoingMessage[]) =>
  publishAndAwait(messages, (batch) => service.bus.publish(batch),
    () => count("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'personnel.successions' AND event_id = ANY($1::uuid[])", [messages.map((message) => JSON.parse(message.value).id)]),
    'closings consumed');

const people: Record<string, string> = {};
const posts: Record<string, string> = {};

/** A commune cadre put on file by the district's organization board (their manager in 1999), admitted by Dầu Tiếng's officer (admissions need no managing body). */
async function admitted(key: string, unitCode: string, partyOrganizationId: string, on: string): Promise<string> {
  const person = await graphqlRequest<{ registerPerson: { id: string } }>(service.url, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOrganizationBoard), variables: { input: { unitCode, fullName: `Người Thử ${key}`, personalId: `07408${key.padStart(7, '0')}`, birthDate: '1980-01-01', gender: 'MALE', ethnicity: 'Kinh', homePlace: 'Bình Dương', category: 'CADRE', change: changeOn('1999-06-01') } },
  });
  expect(person.errors).toBeUndefined();
  people[key] = person.data?.registerPerson.id ?? '';
  const membership = await graphqlRequest<{ admitPartyMember: { id: string; validTo: string | null } }>(service.url,
    'mutation ($input: AdmitPartyMemberInput!) { admitPartyMember(input: $input) { id validTo } }',
    { token: await tokenFor(DEMO_USERS.districtOfficer), variables: { input: { personId: person.data?.registerPerson.id, partyOrganizationId, officialDate: null, cardNumber: null, change: changeOn(on) } } });
  expect(membership.errors).toBeUndefined();
  return membership.data?.admitPartyMember.id ?? '';
}

beforeAll(async () => {
  service = await startWithSuccessionCommunes(env);
  await publishAndAwait(Object.values(org).map(created), (messages) => service.bus.publish(messages),
    () => count('SELECT count(*)::int AS n FROM organization'), 'Party organizations projected');
  await admitted('1', '25801', org.anLap.id, '2001-01-01');
  await admitted('2', '25801', org.anLap.id, '2010-05-01');
  await admitted('3', '25798', org.dinhHiep.id, '2005-01-01');
  await admitted('4', '25807', org.thanhAn.id, '2003-01-01');
  const chair = await graphqlRequest<{ assign: { id: string } }>(service.url, 'mutation ($input: AssignInput!) { assign(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOrganizationBoard),
    variables: { input: { personId: people['1'], organizationId: org.anLapCommittee.id, titleCode: 'COMMUNE_COMMITTEE_CHAIR', concurrent: false, change: changeOn('2015-01-01') } },
  });
  expect(chair.errors).toBeUndefined();
  posts.chair = chair.data?.assign.id ?? '';
  const ownChair = await graphqlRequest<{ assign: { id: string } }>(service.url, 'mutation ($input: AssignInput!) { assign(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOrganizationBoard),
    variables: { input: { personId: people['4'], organizationId: org.thanhAnCommittee.id, titleCode: 'COMMUNE_COMMITTEE_CHAIR', concurrent: false, change: changeOn('2016-01-01') } },
  });
  expect(ownChair.errors).toBeUndefined();
  const quota = eventMessage(QuotaChanged, {
    holderKind: 'ORGANIZATION', holderId: org.thanhAnCommittee.id, unitCode: '25807', previousAmount: null, amount: 1, effectiveDate: '2025-07-01',
    reason: 'Sắp xếp đơn vị hành chính cấp xã', decision: merger, ended: false,
  }, { aggregateId: org.thanhAnCommittee.id, actor: 'system:test' });
  await publishAndAwait([quota], (messages) => service.bus.publish(messages), () => count('SELECT count(*)::int AS n FROM organization_quota'), 'quota projected');
});

afterAll(() => service?.stop());

describe('members and posts follow their organization when a restructuring closes it into a successor', () => {
  it('carries every member of the merged communes to the successor exactly once, as a recorded transfer citing the merger', async () => {
    await consumed([closedInto(org.anLap, org.thanhAn.id), closedInto(org.dinhHiep, org.thanhAn.id), closedInto(org.anLapCommittee, org.thanhAnCommittee.id)]);
    expect(await members(org.thanhAn.id, '2025-06-30')).toBe(1);
    expect(await members(org.thanhAn.id, '2025-07-01')).toBe(4);
    expect(await members(org.anLap.id, '2025-06-30')).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM party_membership WHERE party_organization_id <> $1 AND ${notEndedBy('', "'2025-07-01'")}`, [org.thanhAn.id])).toBe(0);
    const transfers = await service.dataSource.query(
      `SELECT a.operation, a.user_id, d.number FROM audit_log a JOIN decision d ON d.id = a.decision_id WHERE a.operation = 'followSuccession' ORDER BY a.target_id`,
    );
    expect(transfers).toEqual([1, 2, 3].map(() => ({ operation: 'followSuccession', user_id: 'system:personnel.succession', number: '1685/NQ-UBTVQH15' })));
    expect(await count("SELECT count(*)::int AS n FROM outbox WHERE envelope->>'type' = 'PartyMembershipChanged' AND envelope->'payload'->>'action' = 'TRANSFERRED'")).toBe(3);
  });

  it('carries a post of the closed People’s Committee to the successor’s, off its seat, as AssignmentChanged MOVED', async () => {
    expect(await service.dataSource.query('SELECT organization_id, title_code, valid_from::text, valid_to::text FROM assignment WHERE id = $1 ORDER BY valid_from', [posts.chair])).toEqual([
      { organization_id: org.anLapCommittee.id, title_code: 'COMMUNE_COMMITTEE_CHAIR', valid_from: '2015-01-01', valid_to: '2025-07-01' },
      { organization_id: org.thanhAnCommittee.id, title_code: 'COMMUNE_COMMITTEE_CHAIR', valid_from: '2025-07-01', valid_to: null },
    ]);
    const headcount = async (id: string, asOf: string) =>
      (await queryEntities<{ headcount: number }>(service.url, 'Organization', [{ id }], `headcount(asOf: "${asOf}")`, await tokenFor(DEMO_USERS.districtOfficer))).data?._entities[0].headcount;
    expect([await headcount(org.anLapCommittee.id, '2025-06-30'), await headcount(org.thanhAnCommittee.id, '2025-07-01')]).toEqual([1, 2]);
    expect(await count("SELECT count(*)::int AS n FROM outbox WHERE envelope->>'type' = 'AssignmentChanged' AND envelope->'payload'->>'action' = 'MOVED'")).toBe(1);
  });

  it('moves the e-file of the person whose primary post moved to the successor’s commune, and nobody else’s', async () => {
    expect(await service.dataSource.query('SELECT unit_code, valid_from::text, valid_to::text FROM person WHERE id = $1 ORDER BY valid_from', [people['1']])).toEqual([
      { unit_code: '25801', valid_from: '1999-06-01', valid_to: '2025-07-01' },
      { unit_code: '25807', valid_from: '2025-07-01', valid_to: null },
    ]);
    // Members without a post stay on their commune's file; Thanh An's own chair was there already.
    const units = await service.dataSource.query(`SELECT id, unit_code FROM person WHERE id = ANY($1::uuid[]) AND ${isOpenVersion('')} ORDER BY unit_code`, [[people['2'], people['3'], people['4']]]);
    expect(units).toEqual([{ id: people['3'], unit_code: '25798' }, { id: people['2'], unit_code: '25801' }, { id: people['4'], unit_code: '25807' }]);
    const staff = async (unitCode: string, asOf: string) => (await graphqlRequest<{ people: Array<{ id: string }> }>(service.url,
      `{ people(unitCode: "${unitCode}", asOf: "${asOf}") { id } }`, { token: await tokenFor(DEMO_USERS.districtOfficer) })).data?.people.map((person) => person.id).sort();
    expect(await staff('25807', '2025-07-01')).toEqual([people['1'], people['4']].sort());
    expect(await staff('25801', '2025-06-30')).toEqual([people['1'], people['2']].sort());
    const [audit] = await service.dataSource.query("SELECT before, after FROM audit_log WHERE operation = 'followSuccession' AND after->'personIds' @> $1::jsonb", [JSON.stringify([people['1']])]);
    expect(audit).toMatchObject({ before: { unitCode: '25801', people: 1 }, after: { unitCode: '25807', personIds: [people['1']] } });
  });

  it('changes nothing when the closings are delivered again, or announced again as new events', async () => {
    const before = await held();
    const audits = await count('SELECT count(*)::int AS n FROM audit_log');
    const delivered = (await service.bus.readAll(ORGANIZATION_TOPIC)).filter((message) => JSON.parse(message.value ?? '{}').type === 'OrganizationClosed');
    await service.bus.publish(delivered.map((message) => ({ topic: ORGANIZATION_TOPIC, key: message.key ?? '', value: message.value ?? '' })));
    await consumed([closedInto(org.anLap, org.thanhAn.id), closedInto(org.dinhHiep, org.thanhAn.id), closedInto(org.anLapCommittee, org.thanhAnCommittee.id)]);
    await eventually(async () => ((await service.bus.consumerLag('personnel.successions', ORGANIZATION_TOPIC)) === 0 ? true : undefined), { what: 'redeliveries consumed' });
    expect(await held()).toEqual(before);
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(audits);
  });

  it('carries a member admitted afterwards with a date before the merger, in the admission’s own transaction', async () => {
    const id = await admitted('5', '25801', org.anLap.id, '2015-01-01');
    expect(await service.dataSource.query('SELECT party_organization_id, valid_from::text, valid_to::text FROM party_membership WHERE id = $1 ORDER BY valid_from', [id])).toEqual([
      { party_organization_id: org.anLap.id, valid_from: '2015-01-01', valid_to: '2025-07-01' },
      { party_organization_id: org.thanhAn.id, valid_from: '2025-07-01', valid_to: null },
    ]);
    expect(await members(org.thanhAn.id, '2025-07-01')).toBe(5);
    expect(await followAllSuccessions(service.dataSource)).toBe(0);
  });

  it('carries members recorded without the succession (a seed’s batched rows) when asked to catch up, once', async () => {
    await admitted('6', '25798', org.school.id, '2012-01-01');
    await service.dataSource.query(
      `INSERT INTO organization_succession (organization_id, successor_id, effective_date, reason, decision) VALUES ($1, $2, '2025-07-01', 'Sắp xếp', $3)`,
      [org.school.id, org.thanhAn.id, JSON.stringify(merger)],
    );
    expect(await members(org.thanhAn.id, '2025-07-01')).toBe(5);
    expect(await followAllSuccessions(service.dataSource)).toBe(1);
    expect(await members(org.thanhAn.id, '2025-07-01')).toBe(6);
    expect(await members(org.school.id, '2025-06-30')).toBe(1);
    expect(await followAllSuccessions(service.dataSource)).toBe(0);
  });

  it('reports the surplus against the successor’s quota and the reduction the rule requires, inside the territory', async () => {
    const report = async (username: string, unitCode: string) => graphqlRequest<{ restructuringSurplus: Array<Record<string, unknown>> }>(service.url,
      `{ restructuringSurplus(unitCode: "${unitCode}", date: "2025-07-01") { organizationName predecessors { name } quota headcountBefore headcountAfter surplus
          reduction { headcount toShed dueBy source } titles { titleCode holders } } }`, { token: await tokenFor(username) });
    const lines = (await report(DEMO_USERS.districtOfficer, '720')).data?.restructuringSurplus ?? [];
    expect(lines.find((line) => line.organizationName === 'Ủy ban nhân dân xã Thanh An')).toEqual({
      organizationName: 'Ủy ban nhân dân xã Thanh An', predecessors: [{ name: 'Ủy ban nhân dân xã An Lập' }], quota: 1,
      headcountBefore: 2, headcountAfter: 2, surplus: 1,
      reduction: { headcount: 1, toShed: 1, dueBy: '2030-07-01', source: expect.stringContaining('178/2024') },
      titles: [{ titleCode: 'COMMUNE_COMMITTEE_CHAIR', holders: 2 }],
    });
    expect(lines.find((line) => line.organizationName === 'Đảng bộ xã Thanh An')).toMatchObject({ quota: null, surplus: null, headcountAfter: 0 });
    expect(errorCodes(await report(DEMO_USERS.anLapOfficer, '25807'))).toEqual(['FORBIDDEN']);
  });
});
