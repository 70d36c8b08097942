import pino from 'pino';
import { eventually, infrastructure, recreateTestDatabase } from '@ps/testing';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  MESSAGING_MIGRATIONS,
  EventBus,
  OutboxRelay,
  defineEvent,
  recordEvents,
  type EventBusSettings,
  type IncomingMessage,
  type OutgoingMessage,
} from '../src';

const logger = pino({ level: 'silent' });
const topic = `test-${Date.now()}.steps`;
const StepTaken = defineEvent({
  type: 'StepTaken',
  version: 1,
  topic,
  payload: z.object({ step: z.number().int().nonnegative() }),
});

const AGGREGATES = 40;
const STEPS = 6;
const RELAYS = 4;

/**
 * A relay's own connection to the real broker with an uneven network: each send waits a
 * moment first, so a relay that claimed later rows can finish before one that claimed earlier rows.
 */
class UnevenLinkBus extends EventBus {
  override async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
    await super.publish(messages);
  }
}

let dataSource: DataSource;
const buses: EventBus[] = [];

function bus(settings: Omit<EventBusSettings, 'brokers' | 'logger'>, Kind: typeof EventBus = EventBus): EventBus {
  const created = new Kind({ brokers: infrastructure.kafkaBrokers, logger, ...settings });
  buses.push(created);
  return created;
}

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_events_ordering_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({ type: 'postgres', url, migrations: MESSAGING_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
  // Several partitions, so the aggregates spread over them; one aggregate always lands on one.
  await bus({ clientId: 'ordering-admin', partitions: 4 }).ensureTopics([topic]);
});

afterAll(async () => {
  await Promise.all(buses.map((each) => each.disconnect()));
  await dataSource?.destroy();
});

/** Every aggregate takes its steps 0…STEPS-1, written interleaved across aggregates, one transaction per round. */
async function writeSteps(): Promise<void> {
  for (let step = 0; step < STEPS; step += 1) {
    await dataSource.transaction((manager) =>
      recordEvents(
        manager,
        StepTaken,
        Array.from({ length: AGGREGATES }, (_unused, aggregate) => ({ payload: { step }, metadata: { aggregateId: `aggregate-${aggregate}` } })),
      ),
    );
  }
}

/** The steps each key's messages carry, in the order a consumer of its partition reads them. */
function stepsByKey(messages: readonly IncomingMessage[]): Map<string, number[]> {
  const inPartitionOrder = [...messages].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  const steps = new Map<string, number[]>();
  for (const message of inPartitionOrder) {
    const key = message.key ?? 'no key';
    steps.set(key, [...(steps.get(key) ?? []), JSON.parse(message.value ?? '{}').payload.step]);
  }
  return steps;
}

describe('several relays on one outbox', () => {
  it('publish every aggregate’s events in the order they were recorded, on one partition per aggregate', async () => {
    await writeSteps();
    const relays = Array.from(
      { length: RELAYS },
      (_unused, index) =>
        new OutboxRelay({ dataSource, bus: bus({ clientId: `ordering-relay-${index}` }, UnevenLinkBus), logger, batchSize: 15, idleMs: 5 }),
    );
    for (const relay of relays) relay.start();
    try {
      await eventually(async () => ((await relays[0].pendingCount()) === 0 ? true : undefined), {
        what: 'outbox drained by the relays',
        timeoutMs: 60_000,
      });
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }

    const messages = await bus({ clientId: 'ordering-reader' }).readAll(topic);
    expect(messages).toHaveLength(AGGREGATES * STEPS);
    const partitionsUsed = new Set(messages.map((message) => message.partition));
    expect(partitionsUsed.size).toBeGreaterThan(1);
    for (let aggregate = 0; aggregate < AGGREGATES; aggregate += 1) {
      const key = `aggregate-${aggregate}`;
      expect({ key, partitions: new Set(messages.filter((m) => m.key === key).map((m) => m.partition)).size }).toEqual({ key, partitions: 1 });
    }
    const expected = Array.from({ length: STEPS }, (_unused, step) => step);
    const outOfOrder = [...stepsByKey(messages)].filter(([, steps]) => steps.join() !== expected.join());
    expect(outOfOrder).toEqual([]);
  });
});

describe('a relay claiming behind a row another transaction holds', () => {
  const heldTopic = `test-${Date.now()}.held`;
  const Held = defineEvent({ type: 'HeldStep', version: 1, topic: heldTopic, payload: z.object({ step: z.number().int().nonnegative() }) });

  it('publishes every other aggregate’s events, and none of that aggregate’s later ones', async () => {
    for (const step of [0, 1]) {
      await dataSource.transaction((manager) =>
        recordEvents(manager, Held, ['held', 'free'].map((aggregate) => ({ payload: { step }, metadata: { aggregateId: aggregate } }))),
      );
    }
    const [{ position: heldFirst }] = await dataSource.query(
      "SELECT position FROM outbox WHERE topic = $1 AND message_key = 'held' ORDER BY position LIMIT 1",
      [heldTopic],
    );
    const holder = dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      // Another relay's claim (or a failure being recorded) holds the first step of `held`.
      await holder.query('SELECT 1 FROM outbox WHERE position = $1 FOR UPDATE', [heldFirst]);
      const relay = new OutboxRelay({ dataSource, bus: bus({ clientId: 'held-relay' }), logger, batchSize: 10 });
      expect(await relay.publishBatch()).toBe(2);
      const published = await dataSource.query(
        'SELECT message_key AS key, envelope->\'payload\'->>\'step\' AS step FROM outbox WHERE topic = $1 AND published_at IS NOT NULL ORDER BY position',
        [heldTopic],
      );
      expect(published).toEqual([
        { key: 'free', step: '0' },
        { key: 'free', step: '1' },
      ]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });
});
