import { UnitCreated, UnitRenamed } from '@ps/contracts';
import { EventBus, eventMessage, InboxConsumer, type OutgoingMessage } from '@ps/events';
import { eventually, infrastructure } from '@ps/testing';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { DateTerritoryProjection1732850000000, projectTerritory } from '../src';
import { openDatabase, TERRITORY_MIGRATIONS } from './territory-database';
import { HISTORY_ROWS, territoryHistory } from './territory-history';

const logger = pino({ level: 'silent' });
const CONSUMER = 'territory';

/** One service's database and consumer, on its own topics. */
interface Projection {
  dataSource: DataSource;
  bus: EventBus;
  consumer: InboxConsumer;
}

async function startProjection(name: string): Promise<Projection> {
  const dataSource = await openDatabase(name, TERRITORY_MIGRATIONS);
  const prefix = `test-auth-${name}-${process.pid}-${Date.now()}.`;
  const bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: `auth-${name}`, logger, prefix });
  const consumer = projectTerritory(new InboxConsumer({ name: CONSUMER, bus, dataSource, logger, retryDelayMs: 10 }));
  await consumer.start();
  return { dataSource, bus, consumer };
}

async function stopProjection(projection: Projection | undefined): Promise<void> {
  await projection?.consumer.stop();
  await projection?.bus.disconnect();
  await projection?.dataSource.destroy();
}

/** Publishes through Kafka one message at a time, each applied before the next is sent. */
async function deliverInOrder(projection: Projection, messages: readonly OutgoingMessage[]): Promise<void> {
  for (const message of messages) {
    await projection.bus.publish([message]);
    const { id, type } = JSON.parse(message.value);
    await eventually(
      async () => ((await projection.dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [id])).length ? true : undefined),
      { what: `${type} ${message.key} applied` },
    );
  }
}

const rows = (dataSource: DataSource, codes: readonly string[] = []) =>
  dataSource.query(
    `SELECT code, valid_from::text, valid_to::text, path::text, name, parent_code FROM territory_unit
      WHERE cardinality($1::text[]) = 0 OR code = ANY($1::text[]) ORDER BY code, valid_from`,
    [codes],
  );

describe('the effective-dated territory projection', () => {
  const history = territoryHistory();
  let inOrder: Projection | undefined;
  let reversed: Projection | undefined;
  let interleaved: Projection | undefined;

  beforeAll(async () => {
    inOrder = await startProjection('projection_in_order');
    reversed = await startProjection('projection_reversed');
    interleaved = await startProjection('projection_interleaved');
  });

  afterAll(async () => {
    await stopProjection(inOrder);
    await stopProjection(reversed);
    await stopProjection(interleaved);
  });

  it('keeps every version: a move and a merge end the version before them on their date', async () => {
    if (!inOrder) throw new Error('projection not started');
    await deliverInOrder(inOrder, history);
    expect(await rows(inOrder.dataSource)).toEqual(HISTORY_ROWS);
  });

  it('ends in the same rows when every event arrives in reverse: later versions, merges and ends before the versions they follow', async () => {
    if (!reversed) throw new Error('projection not started');
    await deliverInOrder(reversed, [...history].reverse());
    expect(await rows(reversed.dataSource)).toEqual(HISTORY_ROWS);
  });

  it('ends in the same rows when restructurings and creations interleave out of order', async () => {
    if (!interleaved) throw new Error('projection not started');
    // Odd positions first, then even ones, each half backwards: the dissolution comes before
    // the split it follows, the merge before its predecessor's creation and move.
    const odd = history.filter((_message, index) => index % 2 === 1).reverse();
    const even = history.filter((_message, index) => index % 2 === 0).reverse();
    await deliverInOrder(interleaved, [...odd, ...even]);
    expect(await rows(interleaved.dataSource)).toEqual(HISTORY_ROWS);
  });

  it('changes nothing when Kafka delivers an event again', async () => {
    if (!inOrder) throw new Error('projection not started');
    const { dataSource, bus } = inOrder;
    const before = await dataSource.query('SELECT code, valid_from, valid_to, updated_at FROM territory_unit ORDER BY code, valid_from');
    const inbox = (await dataSource.query('SELECT count(*)::int AS n FROM inbox'))[0].n;
    const merge = history.find((message) => message.value.includes('"UnitsMerged"'));
    if (!merge) throw new Error('the history has a merge');
    await bus.publish([merge, merge]);
    await eventually(async () => ((await bus.consumerLag(CONSUMER, merge.topic)) === 0 ? true : undefined), { what: 'redelivery consumed' });
    expect(await dataSource.query('SELECT code, valid_from, valid_to, updated_at FROM territory_unit ORDER BY code, valid_from')).toEqual(before);
    expect((await dataSource.query('SELECT count(*)::int AS n FROM inbox'))[0].n).toBe(inbox);
  });

  it('rewrites nothing when another event states a version already held', async () => {
    if (!inOrder) throw new Error('projection not started');
    const before = await inOrder.dataSource.query("SELECT updated_at FROM territory_unit WHERE code = '30004'");
    const restated = eventMessage(
      UnitCreated,
      { code: '30004', name: 'Xã Đồng Tâm', tier: 'COMMUNE', parentCode: '720', path: '74.720.30004', validFrom: '1999-01-01', validTo: null, decision: null },
      { aggregateId: '30004' },
    );
    await deliverInOrder(inOrder, [restated]);
    expect(await inOrder.dataSource.query("SELECT updated_at FROM territory_unit WHERE code = '30004'")).toEqual(before);
    expect(await rows(inOrder.dataSource, ['30004'])).toEqual(HISTORY_ROWS.filter((row) => row.code === '30004'));
  });

  it('keeps the later statement of a version when an earlier one arrives late', async () => {
    if (!inOrder) throw new Error('projection not started');
    const renamed = (name: string) =>
      eventMessage(
        UnitRenamed,
        {
          previousName: 'Xã Cam Thành',
          unit: { code: '30005', name, tier: 'COMMUNE', parentCode: '720', path: '74.720.30005', validFrom: '2012-01-01', validTo: null, decision: null },
          effectiveDate: '2012-01-01', reason: 'Đính chính tên', decision: null,
        },
        { aggregateId: '30005' },
      );
    const stale = renamed('Xã Cam Thành Cũ');
    await new Promise((resolve) => setTimeout(resolve, 5)); // the correction is stated later
    const correction = renamed('Xã Cam Thành Đông');
    await deliverInOrder(inOrder, [correction, stale]);
    expect(await inOrder.dataSource.query("SELECT name, valid_to::text FROM territory_unit WHERE code = '30005' AND valid_from = '2012-01-01'")).toEqual([
      { name: 'Xã Cam Thành Đông', valid_to: '2027-01-01' },
    ]);
  });
});

describe('DateTerritoryProjection1732850000000', () => {
  let dataSource: DataSource | undefined;

  afterAll(() => dataSource?.destroy());

  it('turns the one-row-per-code table into versions, keyed by (code, valid_from)', async () => {
    const legacy = await openDatabase('projection_migration', TERRITORY_MIGRATIONS.slice(0, TERRITORY_MIGRATIONS.indexOf(DateTerritoryProjection1732850000000)));
    await legacy.query(`
      INSERT INTO territory_unit (code, path, name, tier, valid_from, valid_to) VALUES
        ('74', '74', 'Tỉnh Bình Dương', 'PROVINCE', NULL, NULL),
        ('25801', '74.720.25801', 'Xã An Lập', 'COMMUNE', '1999-01-01', '2025-07-01')`);
    await legacy.destroy();
    dataSource = new DataSource({ type: 'postgres', url: infrastructure.databaseUrl('ps_auth_projection_migration_test'), migrations: TERRITORY_MIGRATIONS });
    await dataSource.initialize();
    await dataSource.runMigrations();

    expect(await rows(dataSource)).toEqual([
      { code: '25801', valid_from: '1999-01-01', valid_to: '2025-07-01', path: '74.720.25801', name: 'Xã An Lập', parent_code: '720' },
      { code: '74', valid_from: '1900-01-01', valid_to: null, path: '74', name: 'Tỉnh Bình Dương', parent_code: null },
    ]);
    const indexes: Array<{ indexdef: string }> = await dataSource.query(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'territory_unit' ORDER BY indexname",
    );
    expect(indexes.map((index) => index.indexdef.replace(/ ON public\.territory_unit/, ''))).toEqual([
      'CREATE INDEX territory_unit_path_gist USING gist (path)',
      'CREATE UNIQUE INDEX territory_unit_pkey USING btree (code, valid_from)',
    ]);
    // The end the old row knew is kept: a version announced later still stops there.
    expect(await dataSource.query("SELECT code, ended_on::text FROM territory_unit_end")).toEqual([{ code: '25801', ended_on: '2025-07-01' }]);
  });
});
