import pino from 'pino';
import { eventually, infrastructure, recreateTestDatabase, runInfraScript } from '@ps/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  MESSAGING_MIGRATIONS,
  EventBus,
  InboxConsumer,
  OutboxRelay,
  deadLetterTopic,
  defineEvent,
  recordEvent,
  type IncomingMessage,
} from '../src';

const logger = pino({ level: 'silent' });
const topic = `test-${Date.now()}.notes`;
const NoteWritten = defineEvent({
  type: 'NoteWritten',
  version: 1,
  topic,
  payload: z.object({ note: z.string().min(1) }),
});

let dataSource: DataSource;
let bus: EventBus;

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_events_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({ type: 'postgres', url, migrations: MESSAGING_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
  // The side effect a consumer applies; no unique key, so only the inbox prevents a double write.
  await dataSource.query('CREATE TABLE applied_note (event_id uuid NOT NULL, note text NOT NULL)');
  await dataSource.query('CREATE TABLE written_note (note text NOT NULL)');
  bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'events-test', logger });
});

afterAll(async () => {
  await bus?.disconnect();
  await dataSource?.destroy();
});

async function writeNote(note: string): Promise<string> {
  return dataSource.transaction(async (manager) => {
    await manager.query('INSERT INTO written_note (note) VALUES ($1)', [note]);
    const envelope = await recordEvent(manager, NoteWritten, { note }, { aggregateId: randomUUID(), actor: 'test' });
    return envelope.id;
  });
}

function noteConsumer(name: string, target: EventBus = bus): InboxConsumer {
  return new InboxConsumer({ name, bus: target, dataSource, logger, retryDelayMs: 10 }).on(
    NoteWritten,
    async (event, manager) => {
      if (event.payload.note === 'explode') throw new Error('handler refuses this note');
      await manager.query('INSERT INTO applied_note (event_id, note) VALUES ($1, $2)', [event.id, event.payload.note]);
    },
  );
}

async function appliedCount(eventId: string): Promise<number> {
  const [row] = await dataSource.query('SELECT count(*)::int AS n FROM applied_note WHERE event_id = $1', [eventId]);
  return row.n;
}

describe('outbox → Kafka → inbox', () => {
  it('applies an event exactly once, also when Kafka delivers it twice', async () => {
    const relay = new OutboxRelay({ dataSource, bus, logger, idleMs: 50 });
    const consumer = noteConsumer('notes-once');
    relay.start();
    await consumer.start();
    try {
      const eventId = await writeNote('first');
      await eventually(async () => ((await appliedCount(eventId)) === 1 ? true : undefined), { what: 'event applied' });

      const onTopic = (await bus.readAll(topic)).filter((message) => message.value?.includes(eventId));
      expect(onTopic).toHaveLength(1);
      // Redeliver the very same Kafka message: the inbox turns it into a no-op.
      await expect(consumer.deliver(onTopic[0])).resolves.toBe('duplicate');
      await expect(consumer.deliver(onTopic[0])).resolves.toBe('duplicate');
      expect(await appliedCount(eventId)).toBe(1);
      const [inbox] = await dataSource.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [eventId]);
      expect(inbox.n).toBe(1);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });

  it('replaces a consumer that kafkajs leaves stopped, and the message is delivered again', async () => {
    // A TypeError is one of the errors kafkajs never restarts a consumer after (as is a group
    // coordinator not found while a restarted broker loads its offsets): the subscription must
    // go on with a new consumer, from the uncommitted message.
    const crashTopic = `${topic}.crash`;
    await bus.ensureTopics([crashTopic]);
    const seen: string[] = [];
    let crashes = 0;
    const stop = await bus.consume('notes-crash', [crashTopic], async (message) => {
      if (message.value === 'second' && crashes === 0) {
        crashes += 1;
        throw new TypeError('a fault kafkajs calls unrecoverable');
      }
      seen.push(message.value ?? '');
    });
    try {
      await bus.publish(['first', 'second', 'third'].map((value) => ({ topic: crashTopic, key: 'one-key', value })));
      await eventually(async () => (seen.length >= 3 ? true : undefined), { what: 'messages after the crash', timeoutMs: 60_000 });
      expect(crashes).toBe(1);
      expect(seen).toEqual(['first', 'second', 'third']);
      await eventually(async () => ((await bus.consumerLag('notes-crash', crashTopic)) === 0 ? true : undefined), { what: 'offsets committed' });
    } finally {
      await stop();
    }
  });

  it('writes no event when the change rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await recordEvent(manager, NoteWritten, { note: 'never' }, { aggregateId: 'x' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const [row] = await dataSource.query("SELECT count(*)::int AS n FROM outbox WHERE envelope->'payload'->>'note' = 'never'");
    expect(row.n).toBe(0);
  });

  it('refuses to record an event whose payload breaks its contract', async () => {
    await expect(
      dataSource.transaction((manager) => recordEvent(manager, NoteWritten, { note: '' }, { aggregateId: 'x' })),
    ).rejects.toThrow();
  });

  it('sends poison messages to the dead-letter topic and keeps consuming', async () => {
    const consumer = noteConsumer('notes-poison');
    const message = (value: string, offset: string): IncomingMessage => ({
      topic, partition: 0, offset, key: 'k', value, headers: {},
    });
    await bus.ensureTopics([topic, deadLetterTopic(topic)]);
    await expect(consumer.deliver(message('not json', '1'))).resolves.toBe('dead-lettered');

    const explode = await writeNote('explode');
    const [row] = await dataSource.query('SELECT envelope::text AS value FROM outbox WHERE id = $1', [explode]);
    await expect(consumer.deliver(message(row.value, '2'))).resolves.toBe('dead-lettered');
    expect(await appliedCount(explode)).toBe(0);

    const future = JSON.parse(row.value);
    future.version = 9;
    future.id = randomUUID();
    await expect(consumer.deliver(message(JSON.stringify(future), '3'))).resolves.toBe('dead-lettered');

    const good = await writeNote('after poison');
    const [goodRow] = await dataSource.query('SELECT envelope::text AS value FROM outbox WHERE id = $1', [good]);
    await expect(consumer.deliver(message(goodRow.value, '4'))).resolves.toBe('applied');

    const dead = await bus.readAll(deadLetterTopic(topic));
    const reasons = dead.map((m) => m.headers['dlq-error']);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'message is not JSON',
        'handler refuses this note',
        expect.stringContaining('unsupported version 9'),
      ]),
    );
    expect(dead.every((m) => m.headers['dlq-consumer'] === 'notes-poison')).toBe(true);
  });
});

describe('a broker outage', () => {
  const broker = { KAFKA_NAME: 'kafka-outage-test', KAFKA_PORT: '19092', KAFKA_CONTROLLER_PORT: '19093' };

  afterAll(() => runInfraScript('kafka.sh', ['stop'], broker));

  it('loses no event written while Kafka is down', async () => {
    runInfraScript('kafka.sh', ['start'], broker);
    const outageBus = new EventBus({ brokers: ['127.0.0.1:19092'], clientId: 'outage-test', logger });
    const relay = new OutboxRelay({ dataSource, bus: outageBus, logger, idleMs: 50, maxBackoffMs: 1000 });
    await dataSource.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    relay.start();
    try {
      const before = await writeNote('before outage');
      await eventually(async () => ((await relay.pendingCount()) === 0 ? true : undefined), { what: 'first publish' });

      runInfraScript('kafka.sh', ['stop'], broker);
      const during: string[] = [];
      for (let i = 0; i < 25; i += 1) during.push(await writeNote(`during outage ${i}`));
      // The relay keeps trying and failing while the broker is away; nothing is marked sent.
      await eventually(
        async () => {
          const [row] = await dataSource.query(
            'SELECT min(attempts)::int AS attempts FROM outbox WHERE published_at IS NULL',
          );
          return row.attempts >= 2 ? true : undefined;
        },
        { what: 'failed publish attempts', timeoutMs: 90_000 },
      );
      expect(await relay.pendingCount()).toBe(25);

      runInfraScript('kafka.sh', ['start'], broker);
      await eventually(async () => ((await relay.pendingCount()) === 0 ? true : undefined), {
        what: 'outbox drained after restart',
        timeoutMs: 90_000,
      });
      const ids = (await outageBus.readAll(topic)).map((message) => JSON.parse(message.value ?? '{}').id);
      for (const id of [before, ...during]) expect(ids).toContain(id);
    } finally {
      await relay.stop();
      await outageBus.disconnect();
    }
  });
});
