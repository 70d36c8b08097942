import { randomUUID } from 'node:crypto';
import { demoTerritoryAnnouncements, OrganizationCreated, type OrganizationVersion, QuotaChanged, SeatChanged, UnitCreated } from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, graphqlRequest, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, tokenFor, WRITE_TRAIL_TABLES } from '@ps/testing';
import { personnelService } from '../src/service';

/** Dầu Tiếng's twelve communes (two of them already in the demo territory). */
export const COMMUNES = ['25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810'];

const decision = { number: '1/QĐ-UBND', date: '1999-01-01', signer: 'Chủ tịch' };
const facts = { effectiveDate: '1999-01-01', reason: 'Thành lập', decision };
const organization = (unitCode: string, kind: OrganizationVersion['kind'], name: string): OrganizationVersion => ({
  id: randomUUID(), unitCode, parentId: null, kind, subtype: null, base: 'UNIT', name, validFrom: '1999-01-01', validTo: null,
});

/** A district of Bình Dương beside Dầu Tiếng: outside the territory of Dầu Tiếng's bodies. */
export const OTHER_DISTRICT = { code: '718', name: 'Huyện Ngoài Địa Bàn', tier: 'DISTRICT', parentCode: '74', path: '74.718', validFrom: '1999-01-01', validTo: null, decision: null } as const;

/** Organizations of An Lập and Định An, and one of the other district, as organization announces them. */
export const org = {
  anLapParty: organization('25801', 'PARTY_COMMITTEE', 'Đảng ủy xã An Lập'),
  anLapCommittee: organization('25801', 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân xã An Lập'),
  dinhAnCommittee: organization('25789', 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân xã Định An'),
  otherDistrictCommittee: organization(OTHER_DISTRICT.code, 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân huyện Ngoài Địa Bàn'),
};

/** A vice chair's seat in each People's Committee: one place in An Lập, two in Định An. */
export const seat = {
  anLapVice: { id: randomUUID(), title: 'Phó Chủ tịch Ủy ban nhân dân xã', selection: 'ELECTED' as const, capacity: 1, validFrom: '1999-01-01', validTo: null },
  dinhAnVice: { id: randomUUID(), title: 'Phó Chủ tịch Ủy ban nhân dân xã', selection: 'ELECTED' as const, capacity: 2, validFrom: '1999-01-01', validTo: null },
};

const meta = (aggregateId: string) => ({ aggregateId, actor: 'system:test' });

/** The organizations, their seats, An Lập committee's quota of 5 and a unit's quota (which personnel leaves aside). */
function organizationEvents(): OutgoingMessage[] {
  const quota = (holderKind: 'UNIT' | 'ORGANIZATION', holderId: string, amount: number) => eventMessage(QuotaChanged, {
    holderKind, holderId, unitCode: '25801', previousAmount: null, amount, effectiveDate: '1999-01-01', reason: 'Giao biên chế', decision, ended: false,
  }, meta(holderId));
  return [
    ...Object.values(org).map((version) => eventMessage(OrganizationCreated, { organization: version, ...facts }, meta(version.id))),
    eventMessage(SeatChanged, { action: 'ADDED', organizationId: org.anLapCommittee.id, unitCode: '25801', seat: seat.anLapVice, ...facts }, meta(org.anLapCommittee.id)),
    eventMessage(SeatChanged, { action: 'ADDED', organizationId: org.dinhAnCommittee.id, unitCode: '25789', seat: seat.dinhAnVice, ...facts }, meta(org.dinhAnCommittee.id)),
    quota('ORGANIZATION', org.anLapCommittee.id, 5),
    quota('UNIT', '25801', 40),
  ];
}

/** A running personnel service on a fresh database, and the people registered in it (a, b, c in An Lập, d in Định An). */
export interface AssignmentBench {
  service: RunningService;
  people: Record<string, string>;
}

/** Starts personnel, announces the district, its communes, the other district and the organizations, and registers four commune cadres. */
export async function startAssignmentBench(): Promise<AssignmentBench> {
  const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
  await recreateTestDatabase(env.DATABASE_URL);
  const service = await startService(personnelService, env);
  const count = async (sql: string): Promise<number> => (await service.dataSource.query(sql))[0].n;
  const communes = COMMUNES.filter((code) => !['25789', '25801'].includes(code)).map((code) =>
    eventMessage(UnitCreated, { code, name: `Xã ${code}`, tier: 'COMMUNE', parentCode: '720', path: `74.720.${code}`, validFrom: '1999-01-01', validTo: null, decision: null },
      meta(code)),
  );
  const otherDistrict = eventMessage(UnitCreated, OTHER_DISTRICT, meta(OTHER_DISTRICT.code));
  await publishAndAwait([...demoTerritoryAnnouncements(), ...communes, otherDistrict], (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'), 'territory projected');
  const events = organizationEvents();
  const ids = events.map((message) => JSON.parse(message.value).id);
  await publishAndAwait(events, (messages) => service.bus.publish(messages),
    () => count(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'personnel.organizations' AND event_id::text IN ('${ids.join("','")}')`),
    'organizations, seats and quotas projected');
  const people: Record<string, string> = {};
  for (const [key, unitCode, personalId] of [['a', '25801', '074070000011'], ['b', '25801', '074071000012'], ['c', '25801', '074072000013'], ['d', '25789', '074073000014']]) {
    people[key] = await registerPerson(service, key, unitCode, personalId);
  }
  return { service, people };
}

/** A commune cadre, put on file by the district's organization board: their manager in 1999. */
async function registerPerson(service: RunningService, key: string, unitCode: string, personalId: string): Promise<string> {
  const response = await graphqlRequest<{ registerPerson: { id: string } }>(service.url, 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOrganizationBoard),
    variables: {
      input: {
        unitCode, fullName: `Người Thử ${key}`, personalId, birthDate: `19${personalId.slice(4, 6)}-01-01`, gender: 'MALE', ethnicity: 'Kinh',
        homePlace: 'Bình Dương', category: 'CADRE', change: changeOn('1999-06-01'),
      },
    },
  });
  expect({ key, errors: response.errors }).toEqual({ key, errors: undefined });
  return response.data?.registerPerson.id ?? '';
}

export const ASSIGNMENT = 'id personId organizationId titleCode seatId concurrent endReason validFrom validTo decision { number }';

/** The assignment mutations and the rows a write adds to, against the bench's service. */
export function assignmentCalls(bench: () => AssignmentBench) {
  const mutate = async <T>(username: string, query: string, variables: Record<string, unknown>) =>
    graphqlRequest<T>(bench().service.url, query, { token: await tokenFor(username), variables });
  return {
    assign: (username: string, input: Record<string, unknown>) =>
      mutate<{ assign: Record<string, unknown> & { id: string } }>(username, `mutation ($input: AssignInput!) { assign(input: $input) { ${ASSIGNMENT} } }`, { input }),
    endAssignment: (username: string, id: string, input: Record<string, unknown>) =>
      mutate<{ endAssignment: Record<string, unknown> }>(username, `mutation ($id: ID!, $input: EndAssignmentInput!) { endAssignment(id: $id, input: $input) { ${ASSIGNMENT} } }`, { id, input }),
    transfer: (username: string, id: string, input: Record<string, unknown>) =>
      mutate<{ transferAssignment: Record<string, unknown> }>(
        username, `mutation ($id: ID!, $input: TransferAssignmentInput!) { transferAssignment(id: $id, input: $input) { ${ASSIGNMENT} } }`, { id, input },
      ),
    written: () => rowCounts((sql) => bench().service.dataSource.query(sql), ['assignment', ...WRITE_TRAIL_TABLES]),
  };
}

/** What a write added to each table, from the counts before and after it. */
export const added = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([table, n]) => [table, n - before[table]]));
