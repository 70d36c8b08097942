import type { OrganizationVersion } from '@ps/contracts';
import { InboxConsumer } from '@ps/events';
import { createLogger, loadEnv, serviceEnvSchema, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, graphqlRequest, serviceTestEnv, tokenFor } from '@ps/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { projectOrganizations } from '../src/organization/organization.projection';
import { followSuccessions } from '../src/succession/succession.follow';
import { admittedMember, body as version, closedInto, created, MERGED_ON, received, renamed, startWithSuccessionCommunes } from './succession.fixtures';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const EMPTY_BODIES = 20;

/**
 * One reorganisation's organizations: successors known before it, one created within it after
 * the closing that names it, bodies holding members or a post, and many holding nobody.
 */
function reorganisation() {
  const bodies = {
    successor: version('25807', 'Đảng bộ xã Thanh An'),
    successorCommittee: version('25807', 'Ủy ban nhân dân xã Thanh An', 'PEOPLES_COMMITTEE'),
    lateSuccessor: version('25807', 'Đảng bộ xã Thanh An mới'),
    anLap: version('25801', 'Đảng bộ xã An Lập'),
    dinhHiep: version('25798', 'Đảng bộ xã Định Hiệp'),
    committee: version('25801', 'Ủy ban nhân dân xã An Lập', 'PEOPLES_COMMITTEE'),
    renamedCell: version('25798', 'Chi bộ Ấp 1'),
    shortLived: version('25798', 'Chi bộ lâm thời'),
    ...Object.fromEntries(Array.from({ length: EMPTY_BODIES }, (_, index) => [`empty${index}`, version('25801', `Chi bộ Ấp ${index + 2} An Lập`)])),
  };
  const renamedVersion = { ...bodies.renamedCell, name: 'Chi bộ Ấp 1 Định Hiệp', validFrom: '2020-01-01' };
  const renamedShortLived = { ...bodies.shortLived, name: 'Chi bộ Ấp 1 lâm thời', validFrom: '2020-01-01' };
  const known = [bodies.successor, bodies.successorCommittee, bodies.anLap, bodies.dinhHiep, bodies.committee, bodies.renamedCell, ...emptyBodies(bodies)];
  const run = [
    closedInto(bodies.dinhHiep, bodies.lateSuccessor.id),
    created(bodies.lateSuccessor),
    closedInto(bodies.anLap, bodies.successor.id),
    closedInto(bodies.committee, bodies.successorCommittee.id),
    created(bodies.shortLived),
    renamed(bodies.renamedCell, renamedVersion),
    closedInto(renamedVersion, bodies.successor.id),
    renamed(bodies.shortLived, renamedShortLived),
    closedInto(renamedShortLived, bodies.successor.id),
    ...emptyBodies(bodies).map((body, index) => closedInto(body, index % 2 ? bodies.successor.id : bodies.lateSuccessor.id)),
  ];
  return { bodies, known: known.map(created), run };
}
type Reorganisation = ReturnType<typeof reorganisation>;
const emptyBodies = (bodies: Record<string, OrganizationVersion>) => Object.entries(bodies).filter(([role]) => role.startsWith('empty')).map(([, body]) => body);

const logger = createLogger('personnel-batch-test', 'silent');
const consumers = (dataSource: DataSource) => ({
  organizations: projectOrganizations(new InboxConsumer({ name: 'personnel.organizations', bus: service.bus, dataSource, logger })),
  successions: followSuccessions(new InboxConsumer({ name: 'personnel.successions', bus: service.bus, dataSource, logger })),
});

/** A Party member of `partyOrganizationId` from 2001, put on file and admitted through the API; answers the person. */
const admitted = async (key: string, unitCode: string, partyOrganizationId: string): Promise<string> =>
  (await admittedMember(service, key, unitCode, partyOrganizationId)).personId;

async function chairOf(personId: string, organizationId: string): Promise<void> {
  const chair = await graphqlRequest<{ assign: { id: string } }>(service.url, 'mutation ($input: AssignInput!) { assign(input: $input) { id } }', {
    token: await tokenFor(DEMO_USERS.districtOrganizationBoard),
    variables: { input: { personId, organizationId, titleCode: 'COMMUNE_COMMITTEE_CHAIR', concurrent: false, change: changeOn('2015-01-01') } },
  });
  expect(chair.errors).toBeUndefined();
}

/** The reorganisation's organizations known, with three members and a chair (keys by their role, prefixed by `world`). */
async function staffed(world: string, { bodies, known }: Reorganisation): Promise<Record<string, string>> {
  await consumers(service.dataSource).organizations.deliverBatch(received(known));
  const chair = await admitted(`${world}1`, '25801', bodies.anLap.id);
  await chairOf(chair, bodies.committee.id);
  return { chair, anLapMember: await admitted(`${world}2`, '25801', bodies.anLap.id), dinhHiepMember: await admitted(`${world}3`, '25798', bodies.dinhHiep.id) };
}

/** What a reorganisation left in personnel, with its organizations and people named by their role. */
async function leftBy({ bodies }: Reorganisation, people: Record<string, string>) {
  const roles = new Map<string, string>([...Object.entries(bodies), ...Object.entries(people).map(([role, id]) => [role, { id }] as const)].map(([role, { id }]) => [id, role]));
  const named = (rows: Array<Record<string, unknown>>) =>
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, roles.get(String(value)) ?? value])))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const organizations = Object.values(bodies).map((body) => body.id);
  const personIds = Object.values(people);
  const query = (sql: string, ids: string[]) => service.dataSource.query(sql, [ids]);
  return {
    organizations: named(await query('SELECT id, valid_from::text, valid_to::text, name, unit_code FROM organization WHERE id = ANY($1::uuid[])', organizations)),
    successions: named(await query('SELECT organization_id, successor_id, effective_date::text FROM organization_succession WHERE organization_id = ANY($1::uuid[])', organizations)),
    memberships: named(await query('SELECT person_id, party_organization_id, valid_from::text, valid_to::text FROM party_membership WHERE person_id = ANY($1::uuid[])', personIds)),
    posts: named(await query('SELECT person_id, organization_id, seat_id, valid_from::text, valid_to::text FROM assignment WHERE person_id = ANY($1::uuid[])', personIds)),
    files: named(await query('SELECT id, unit_code, valid_from::text, valid_to::text FROM person WHERE id = ANY($1::uuid[])', personIds)),
    transfers: named(await query(
      "SELECT before->>'organizationId' AS from, after->>'organizationId' AS to, before->>'members' AS members, before->>'posts' AS posts FROM audit_log WHERE operation = 'followSuccession' AND before->>'organizationId' = ANY($1::text[])",
      organizations)),
    announced: named(await query(
      `SELECT envelope->>'type' AS type, envelope->'payload'->>'action' AS action, count(*)::int AS n FROM outbox
        WHERE envelope->'payload'->>'personId' = ANY($1::text[]) AND envelope->>'type' IN ('PartyMembershipChanged', 'AssignmentChanged') GROUP BY 1, 2`,
      personIds)),
  };
}

/** A data source whose transactions count the statements their handlers run. */
function counting(dataSource: DataSource): { dataSource: DataSource; statements: () => number } {
  let statements = 0;
  const countingManager = (manager: EntityManager) => new Proxy(manager, {
    get: (target, property) => (property === 'query' ? (...args: Parameters<EntityManager['query']>) => ((statements += 1), target.query(...args)) : Reflect.get(target, property)),
  });
  const counted = new Proxy(dataSource, {
    get: (target, property) => property === 'transaction'
      ? <T>(work: (manager: EntityManager) => Promise<T>) => target.transaction((manager) => work(countingManager(manager)))
      : Reflect.get(target, property),
  });
  return { dataSource: counted, statements: () => statements };
}

beforeAll(async () => {
  service = await startWithSuccessionCommunes(env);
});

afterAll(() => service?.stop());

describe('a reorganisation delivered to personnel as one batch', () => {
  it('leaves the organizations, successions and carried members and posts that delivering it event by event leaves', async () => {
    const oneByOne = reorganisation();
    const oneByOnePeople = await staffed('1', oneByOne);
    const { organizations, successions } = consumers(service.dataSource);
    // The closings reach the succession follower first: the one naming the late successor waits for its creation.
    for (const message of received(oneByOne.run)) expect(await successions.deliver(message)).not.toBe('dead-lettered');
    for (const message of received(oneByOne.run)) expect(await organizations.deliver(message)).toBe('applied');

    const batched = reorganisation();
    const batchedPeople = await staffed('2', batched);
    expect(await successions.deliverBatch(received(batched.run))).not.toContain('dead-lettered');
    expect(await organizations.deliverBatch(received(batched.run))).toEqual(batched.run.map(() => 'applied'));

    const expected = await leftBy(oneByOne, oneByOnePeople);
    expect(expected.transfers).toHaveLength(3);
    // A version stored before the run, and one stored within it, each ended by a later version in the run.
    expect(expected.organizations).toContainEqual({ id: 'renamedCell', valid_from: '1999-01-01', valid_to: '2020-01-01', name: 'Chi bộ Ấp 1', unit_code: '25798' });
    expect(expected.organizations).toContainEqual({ id: 'shortLived', valid_from: '1999-01-01', valid_to: '2020-01-01', name: 'Chi bộ lâm thời', unit_code: '25798' });
    expect(await leftBy(batched, batchedPeople)).toEqual(expected);
  });

  it('runs as many statements for forty closings of bodies holding nobody as for five', async () => {
    const statementsFor = async (closings: number) => {
      const successor = version('25807', 'Đảng bộ xã Thanh An');
      const closed = Array.from({ length: closings }, (_, index) => version('25801', `Chi bộ Ấp ${index + 1}`));
      await consumers(service.dataSource).organizations.deliverBatch(received([successor, ...closed].map(created)));
      const run = received(closed.map((body) => closedInto(body, successor.id)));
      const counted = counting(service.dataSource);
      const { organizations, successions } = consumers(counted.dataSource);
      await organizations.deliverBatch(run);
      const byOrganizations = counted.statements();
      await successions.deliverBatch(run);
      return { organizations: byOrganizations, successions: counted.statements() - byOrganizations };
    };
    const few = await statementsFor(5);
    expect(await statementsFor(40)).toEqual(few);
    expect(few.organizations + few.successions).toBeLessThan(12);
  });

  it('carries the members of forty closed bodies in as many statements as of five, each body one recorded transfer', async () => {
    const statementsFor = async (closings: number) => {
      const successor = version('25807', 'Đảng bộ xã Thanh An');
      const closed = Array.from({ length: closings }, (_, index) => version('25801', `Chi bộ Khu ${index + 1}`));
      await consumers(service.dataSource).organizations.deliverBatch(received([successor, ...closed].map(created)));
      const members: string[] = [];
      for (const [index, body] of closed.entries()) members.push(await admitted(`${closings}${String(index).padStart(2, '0')}`, '25801', body.id));
      const run = received(closed.map((body) => closedInto(body, successor.id)));
      const counted = counting(service.dataSource);
      expect(await consumers(counted.dataSource).successions.deliverBatch(run)).toEqual(run.map(() => 'applied'));
      const carried = await service.dataSource.query(
        `SELECT count(*)::int AS n FROM party_membership WHERE person_id = ANY($1::uuid[]) AND party_organization_id = $2 AND valid_from = $3`,
        [members, successor.id, MERGED_ON],
      );
      expect(carried[0].n).toBe(closings);
      const transfers = await service.dataSource.query(
        `SELECT count(DISTINCT correlation_id)::int AS writes, count(*)::int AS n FROM audit_log
          WHERE operation = 'followSuccession' AND after->>'organizationId' = $1`,
        [successor.id],
      );
      expect(transfers[0]).toEqual({ writes: closings, n: closings });
      const announced = await service.dataSource.query(
        `SELECT count(DISTINCT envelope->>'correlationId')::int AS writes FROM outbox
          WHERE envelope->>'type' = 'PartyMembershipChanged' AND envelope->'payload'->>'partyOrganizationId' = $1`,
        [successor.id],
      );
      expect(announced[0].writes).toBe(closings);
      return counted.statements();
    };
    const few = await statementsFor(5);
    expect(await statementsFor(40)).toBe(few);
  });
});
