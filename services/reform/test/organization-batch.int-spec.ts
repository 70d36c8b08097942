import { randomUUID } from 'node:crypto';
import { OrganizationChanged, OrganizationClosed, OrganizationCreated, OrganizationMoved, UnitDissolved, UnitsMerged, type OrganizationVersion } from '@ps/contracts';
import { eventMessage, InboxConsumer, type EventBus, type IncomingMessage, type OutgoingMessage } from '@ps/events';
import { createLogger } from '@ps/service-kit';
import { infrastructure, recreateTestDatabase } from '@ps/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { projectOrganizations } from '../src/organization/organization.projection';
import { reformService } from '../src/service';
import { followRestructurings } from '../src/succession/restructuring.follow';

/**
 * A reorganisation's organization events delivered as Kafka batches leave what delivering them
 * one at a time leaves, in a number of statements that does not grow with the batch.
 */
const logger = createLogger('reform-batch-test', 'silent');
const bus = {} as EventBus; // nothing here is dead-lettered or consumed from Kafka
const decision = { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội' };
const facts = (effectiveDate: string) => ({ effectiveDate, reason: 'Sắp xếp tổ chức bộ máy', decision });

let dataSource: DataSource;
let statements = 0;

/** The service's database, whose transactions count the statements their handlers run. */
const countingDataSource = {
  transaction: <T>(work: (manager: EntityManager) => Promise<T>) =>
    dataSource.transaction((manager) =>
      work(Object.create(manager, { query: { value: (sql: string, parameters?: unknown[]) => ((statements += 1), manager.query(sql, parameters)) } })),
    ),
} as DataSource;

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_reform_batch_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({ type: 'postgres', url, entities: reformService.entities, migrations: reformService.migrations });
  await dataSource.initialize();
  await dataSource.runMigrations();
});

afterAll(() => dataSource?.destroy());

const incoming = (messages: OutgoingMessage[]): IncomingMessage[] =>
  messages.map((message, index) => ({ ...message, key: message.key ?? null, headers: message.headers ?? {}, partition: 0, offset: String(index) }));

/** Organization closing a body whose work passes to `successorId`. */
const closing = (organization: OrganizationVersion, successorId: string) =>
  eventMessage(OrganizationClosed, { organization, closedSeats: [], closedDuties: [], successorId, ...facts('2025-07-01') }, { aggregateId: organization.id, actor: 'system:test' });

/** Bodies created, renamed (once corrected the same day), moved and closed, interleaved as one partition carries them. */
function reorganisation(bodies: number): OutgoingMessage[] {
  const histories = Array.from({ length: bodies }, (_, index) => {
    const id = randomUUID();
    const created: OrganizationVersion = {
      id, unitCode: '25801', parentId: null, kind: 'DEPARTMENT', subtype: null, base: 'UNIT', name: `Phòng ${index}`, validFrom: '2020-01-01', validTo: null,
    };
    const renamed = { ...created, name: `Phòng ${index} (đổi tên)`, validFrom: '2024-01-01' };
    const corrected = { ...renamed, name: `Phòng ${index} (đính chính)` };
    const moved = { ...corrected, unitCode: '25789', validFrom: '2025-03-01' };
    const closed = { ...moved, validTo: '2025-07-01' };
    const metadata = { aggregateId: id, actor: 'system:test' };
    return [
      eventMessage(OrganizationCreated, { organization: created, ...facts('2020-01-01') }, metadata),
      eventMessage(OrganizationChanged, { previous: created, organization: renamed, replaced: false, ...facts('2024-01-01') }, metadata),
      eventMessage(OrganizationChanged, { previous: renamed, organization: corrected, replaced: true, ...facts('2024-01-01') }, metadata),
      eventMessage(OrganizationMoved, { previous: corrected, organization: moved, ...facts('2025-03-01') }, metadata),
      closing(closed, randomUUID()),
    ];
  });
  return histories[0].flatMap((_, step) => histories.map((history) => history[step]));
}

/**
 * Communes merged into every third one, the mergers announced twice (the second naming the new
 * commune's later path), and communes dissolved into their neighbour or into none.
 */
function communeMergers(communes: number): OutgoingMessage[] {
  const codes = Array.from({ length: communes }, (_, index) => String(30_000 + index));
  const merger = (successor: string, path: string) =>
    eventMessage(UnitsMerged, {
      predecessors: [successor, String(Number(successor) + 1), String(Number(successor) + 2)], rehomed: [], endedOrganizations: [], ...facts('2025-07-01'),
      successor: { code: successor, name: `Xã ${successor}`, tier: 'COMMUNE', parentCode: '720', path, validFrom: '2025-07-01', validTo: null, decision },
    }, { aggregateId: successor, actor: 'system:test' });
  const dissolution = (code: string, successor: string | null) =>
    eventMessage(UnitDissolved, { code, closed: [], successor, rehomed: [], endedOrganizations: [], ...facts('2025-07-01') }, { aggregateId: code, actor: 'system:test' });
  const successors = codes.filter((_, index) => index % 3 === 0);
  return [
    ...successors.map((code) => merger(code, `74.720.${code}`)),
    ...successors.map((code) => merger(code, `74.${code}`)),
    dissolution('40000', successors[0]),
    dissolution('40001', null),
  ];
}

/** Delivers the batch once one event per transaction and once as batches, from the same empty tables. */
async function bothWays(name: string, register: (consumer: InboxConsumer) => InboxConsumer, messages: IncomingMessage[], read: () => Promise<unknown>) {
  const results: unknown[] = [];
  for (const batchSize of [1, 500]) {
    await dataSource.query('TRUNCATE reform_organization, reform_organization_succession, reform_unit_succession, inbox');
    await register(new InboxConsumer({ name, bus, dataSource, logger, batchSize })).deliverBatch(messages);
    results.push(await read());
  }
  return results;
}

/** Statements the handlers of one run of `messages` run, past the inbox's own. */
async function statementsFor(register: (consumer: InboxConsumer) => InboxConsumer, messages: IncomingMessage[]): Promise<number> {
  await dataSource.query('TRUNCATE reform_organization, reform_organization_succession, reform_unit_succession, inbox');
  statements = 0;
  const outcomes = await register(new InboxConsumer({ name: 'reform.counted', bus, dataSource: countingDataSource, logger })).deliverBatch(messages);
  expect(outcomes.every((outcome) => outcome === 'applied' || outcome === 'ignored')).toBe(true);
  return statements - 1;
}

describe('organization events delivered in batches', () => {
  it('project the same organization versions as one event at a time', async () => {
    const messages = incoming(reorganisation(40));
    const [stepwise, batched] = await bothWays('reform.organizations', projectOrganizations, messages, () =>
      dataSource.query('SELECT id, valid_from::text, valid_to::text, unit_code, name, kind FROM reform_organization ORDER BY id, valid_from'),
    );
    expect(stepwise).toHaveLength(40 * 3);
    expect(batched).toEqual(stepwise);
  });

  it('record the same successions as one closing at a time, the first closing of an organization winning', async () => {
    const closings = reorganisation(40).filter((message) => message.value?.includes('"OrganizationClosed"'));
    const reclosing = closing(JSON.parse(closings[0].value ?? '{}').payload.organization, randomUUID());
    const [stepwise, batched] = await bothWays('reform.restructurings', followRestructurings, incoming([...closings, reclosing]), () =>
      dataSource.query('SELECT organization_id, successor_id, effective_date::text, reason, decision FROM reform_organization_succession ORDER BY organization_id'),
    );
    expect(stepwise).toHaveLength(40);
    expect(batched).toEqual(stepwise);
  });

  it('record the same unit successions as one merger at a time, a later path replacing the earlier', async () => {
    const [stepwise, batched] = await bothWays('reform.restructurings', followRestructurings, incoming(communeMergers(60)), () =>
      dataSource.query('SELECT predecessor_code, successor_code, effective_date::text, successor_path, reason, decision FROM reform_unit_succession ORDER BY predecessor_code'),
    );
    expect(stepwise).toHaveLength(40 + 1);
    expect(stepwise).toContainEqual(expect.objectContaining({ predecessor_code: '30001', successor_path: '74.30000' }));
    expect(batched).toEqual(stepwise);
  });

  it('run two statements for a run of 10 events and for a run of 400', async () => {
    for (const bodies of [2, 80]) expect(await statementsFor(projectOrganizations, incoming(reorganisation(bodies)))).toBe(2);
    const closings = (bodies: number) => incoming(reorganisation(bodies).filter((message) => message.value?.includes('"OrganizationClosed"')));
    for (const bodies of [10, 400]) expect(await statementsFor(followRestructurings, closings(bodies))).toBe(2);
    const mergers = (communes: number) => incoming(communeMergers(communes).filter((message) => message.value?.includes('"UnitsMerged"')));
    for (const communes of [30, 600]) expect(await statementsFor(followRestructurings, mergers(communes))).toBe(2);
  });
});
