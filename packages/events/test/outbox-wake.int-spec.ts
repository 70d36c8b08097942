import pino from 'pino';
import { Client } from 'pg';
import { eventually, infrastructure, recreateTestDatabase } from '@ps/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  EventBus,
  OUTBOX_CHANNEL,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
  defineEvent,
  recordEvent,
} from '../src';

const logger = pino({ level: 'silent' });
const topic = `test-${Date.now()}.wake`;
const Waved = defineEvent({ type: 'Waved', version: 1, topic, payload: z.object({ n: z.number() }) });
/** Far longer than any wait below: an event published in time was published on its commit, not by a poll. */
const NO_POLLING_MS = 120_000;

let url: string;
let dataSource: DataSource;
let bus: EventBus;

beforeAll(async () => {
  url = infrastructure.databaseUrl('ps_events_wake_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: MESSAGING_MIGRATIONS,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'events-wake-test', logger });
  await bus.ensureTopics([topic]);
});

afterAll(async () => {
  await bus?.disconnect();
  await dataSource?.destroy();
});

async function wave(count: number, { rollBack = false } = {}): Promise<string[]> {
  const ids: string[] = [];
  await dataSource
    .transaction(async (manager) => {
      for (let n = 0; n < count; n += 1) {
        ids.push((await recordEvent(manager, Waved, { n }, { aggregateId: randomUUID(), actor: 'test' })).id);
      }
      if (rollBack) throw new Error('rolled back on purpose');
    })
    .catch((error: Error) => {
      if (!rollBack) throw error;
    });
  return ids;
}

async function published(ids: string[]): Promise<true | undefined> {
  const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::uuid[]) AND published_at IS NOT NULL', [ids]);
  return row.n === ids.length ? true : undefined;
}

/** The relay, started with polling too slow to matter, once its listener is connected. */
async function listeningRelay(): Promise<OutboxRelay> {
  const relay = new OutboxRelay({ dataSource, bus, logger, idleMs: NO_POLLING_MS, listeningIdleMs: NO_POLLING_MS, listenUrl: url });
  relay.start();
  await eventually(async () => (relay.listening ? true : undefined), { what: 'relay listening' });
  return relay;
}

describe('the outbox relay wakes on commit', () => {
  it('sends one notification per committing transaction, however many events it recorded, and none for a rollback', async () => {
    const listener = new Client({ connectionString: url });
    await listener.connect();
    const notifications: string[] = [];
    listener.on('notification', (message) => notifications.push(message.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    try {
      await wave(3, { rollBack: true });
      await wave(3);
      await wave(1);
      // Notifications reach this session in commit order; a third, marking the end, proves the first two would have arrived.
      await eventually(async () => (notifications.length >= 2 ? true : undefined), { what: 'notifications' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(notifications).toEqual([OUTBOX_CHANNEL, OUTBOX_CHANNEL]);
    } finally {
      await listener.end();
    }
  });

  it('publishes an event as its transaction commits, without waiting for a poll', async () => {
    const relay = await listeningRelay();
    try {
      const started = Date.now();
      const ids = await wave(2);
      await eventually(() => published(ids), { what: 'events published on commit', timeoutMs: 10_000 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await bus.readAll(topic)).filter((message) => ids.some((id) => message.value?.includes(id)))).toHaveLength(2);
    } finally {
      await relay.stop();
    }
  });

  it('listens again after its connection is cut, and events committed meanwhile are not left behind', async () => {
    const relay = await listeningRelay();
    try {
      const [cut] = await dataSource.query(
        "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'outbox-relay-listener' AND datname = current_database()",
      );
      expect(cut.n).toBe(1);
      const whileCut = await wave(1);
      await eventually(() => published(whileCut), { what: 'event committed while the listener was away', timeoutMs: 15_000 });
      expect(relay.listening).toBe(true);
      const after = await wave(1);
      await eventually(() => published(after), { what: 'event committed after reconnecting', timeoutMs: 10_000 });
    } finally {
      await relay.stop();
    }
  });
});
