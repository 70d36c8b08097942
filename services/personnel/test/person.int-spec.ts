import { demoTerritoryAnnouncements, ORGANIZATION_TOPIC, PERSONNEL_TOPIC, UnitCreated, UnitsMerged } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  DEMO_USERS,
  errorCodes,
  eventually,
  graphqlRequest,
  publishAndAwait,
  queryEntities,
  recreateTestDatabase,
  serviceTestEnv,
  tokenFor,
} from '@ps/testing';
import { personnelService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
const CONSUMER = 'personnel.territory';
let service: RunningService;

const count = async (sql: string, parameters: unknown[] = []): Promise<number> =>
  (await service.dataSource.query(sql, parameters))[0].n;

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
  const register = 'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id fullName birthYear unitCode } }';

  it('registers a person in the officer’s commune, announces it, and counts them', async () => {
    const token = await tokenFor(DEMO_USERS.anLapOfficer);
    const response = await graphqlRequest<{ registerPerson: { id: string } }>(service.url, register, {
      token,
      variables: { input: { unitCode: '25801', fullName: 'Lê Thị Hoa', birthYear: 1988 } },
    });
    expect(response.errors).toBeUndefined();
    const id = response.data?.registerPerson.id;
    await eventually(
      async () => {
        const events = await service.bus.readAll(PERSONNEL_TOPIC);
        return events.find((m) => m.key === id);
      },
      { what: 'PersonRegistered on Kafka' },
    );
    const units = await queryEntities<{ code: string; headcount: number | null }>(
      service.url, 'AdministrativeUnit', [{ code: '25801' }, { code: '25789' }], 'code headcount', token,
    );
    expect(units.data?._entities).toEqual([{ code: '25801', headcount: 1 }, { code: '25789', headcount: null }]);
    const people = await graphqlRequest<{ people: Array<{ fullName: string }> }>(
      service.url, '{ own: people(unitCode: "25801") { fullName } other: people(unitCode: "25789") { fullName } }', { token },
    );
    expect(people.data).toEqual({ own: [{ fullName: 'Lê Thị Hoa' }], other: [] });
  });

  it.each([
    ['a birth year in the future', { unitCode: '25801', fullName: 'Phạm Văn Nam', birthYear: 2999 }, 'BAD_USER_INPUT'],
    ['a name of 201 characters', { unitCode: '25801', fullName: 'A'.repeat(201) }, 'BAD_USER_INPUT'],
    ['a unit outside the territory', { unitCode: '25789', fullName: 'Phạm Văn Nam' }, 'FORBIDDEN'],
    ['a unit that does not exist', { unitCode: '99999', fullName: 'Phạm Văn Nam' }, 'NOT_FOUND'],
  ])('refuses %s and writes nothing', async (_case, input, code) => {
    const people = await count('SELECT count(*)::int AS n FROM person');
    const events = await count('SELECT count(*)::int AS n FROM outbox');
    const response = await graphqlRequest(service.url, register, { token: await tokenFor(DEMO_USERS.anLapOfficer), variables: { input } });
    expect(errorCodes(response)).toEqual([code]);
    expect(await count('SELECT count(*)::int AS n FROM person')).toBe(people);
    expect(await count('SELECT count(*)::int AS n FROM outbox')).toBe(events);
  });
});

// Last: after the merge, Xã An Lập (the officer's commune) has no current version any more.
describe('restructuring', () => {
  it('follows a merge: the merged-away commune ends, the successor and its moved hamlets take new versions', async () => {
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
});
