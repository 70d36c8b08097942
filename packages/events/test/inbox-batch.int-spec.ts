import pino from 'pino';
import { eventually, infrastructure, recreateTestDatabase } from '@ps/testing';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { EventBus, InboxConsumer, MESSAGING_MIGRATIONS, deadLetterTopic, defineEvent, eventMessage } from '../src';

const logger = pino({ level: 'silent' });
const run = `test-${Date.now()}`;
const stepEvent = (topic: string) =>
  defineEvent({ type: 'StepTaken', version: 1, topic: `${run}.${topic}`, payload: z.object({ chain: z.string(), step: z.number().int() }) });

let dataSource: DataSource;
let bus: EventBus;

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_events_batch_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({ type: 'postgres', url, migrations: MESSAGING_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
  // No unique key: only the inbox keeps a redelivered step from being written twice.
  await dataSource.query(`CREATE TABLE step (
    consumer text NOT NULL, chain text NOT NULL, step int NOT NULL, saw_previous boolean NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'events-batch-test', logger });
});

afterAll(async () => {
  await bus?.disconnect();
  await dataSource?.destroy();
});

/**
 * A consumer writing one `step` row per event, noting whether the chain's previous step was
 * already written (in its own transaction or an earlier one); step `explodeAt` always throws.
 */
function stepConsumer(name: string, Step: ReturnType<typeof stepEvent>, explodeAt?: number): { consumer: InboxConsumer; calls: number[] } {
  const calls: number[] = [];
  const consumer = new InboxConsumer({ name, bus, dataSource, logger, retryDelayMs: 10 }).on(Step, async (event, manager) => {
    const { chain, step } = event.payload;
    calls.push(step);
    if (step === explodeAt) throw new Error(`step ${step} refused`);
    const [previous] = await manager.query('SELECT count(*)::int AS n FROM step WHERE consumer = $1 AND chain = $2 AND step = $3', [name, chain, step - 1]);
    await manager.query('INSERT INTO step (consumer, chain, step, saw_previous) VALUES ($1, $2, $3, $4)', [name, chain, step, step === 0 || previous.n === 1]);
  });
  return { consumer, calls };
}

async function publishChains(Step: ReturnType<typeof stepEvent>, chains: number, steps: number): Promise<void> {
  await bus.ensureTopics([Step.topic, deadLetterTopic(Step.topic)]);
  const messages = [];
  for (let chain = 0; chain < chains; chain += 1) {
    for (let step = 0; step < steps; step += 1) messages.push(eventMessage(Step, { chain: `c${chain}`, step }, { aggregateId: `c${chain}` }));
  }
  await bus.publish(messages);
}

async function written(consumer: string): Promise<{ rows: number; inbox: number; transactions: number; unseen: number }> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM step WHERE consumer = $1) AS rows,
            (SELECT count(*)::int FROM inbox WHERE consumer = $1) AS inbox,
            (SELECT count(DISTINCT received_at)::int FROM inbox WHERE consumer = $1) AS transactions,
            (SELECT count(*)::int FROM step WHERE consumer = $1 AND NOT saw_previous) AS unseen`,
    [consumer],
  );
  return row;
}

const allWritten = (consumer: string, expected: number) => async () => ((await written(consumer)).rows >= expected ? true : undefined);

describe('an inbox consumer on a real broker, a batch per transaction', () => {
  it('applies many events with one inbox row each, in order within a partition, and a redelivered batch changes nothing', async () => {
    const Step = stepEvent('many');
    const chains = 6;
    const steps = 100;
    await publishChains(Step, chains, steps);
    const { consumer } = stepConsumer('batch-many', Step);
    await consumer.start();
    try {
      await eventually(allWritten('batch-many', chains * steps), { what: 'every step applied', timeoutMs: 60_000 });
    } finally {
      await consumer.stop();
    }
    const after = await written('batch-many');
    expect(after).toMatchObject({ rows: chains * steps, inbox: chains * steps, unseen: 0 });
    // Inbox rows of one transaction share their received_at: far fewer transactions than events.
    expect(after.transactions).toBeLessThanOrEqual((chains * steps) / 20);

    const redelivered = await bus.readAll(Step.topic);
    expect(redelivered).toHaveLength(chains * steps);
    const outcomes = await consumer.deliverBatch(redelivered);
    expect(new Set(outcomes)).toEqual(new Set(['duplicate']));
    expect(await written('batch-many')).toEqual(after);
  });

  it('applies the other events of a batch when one handler throws, and retries then dead-letters that one', async () => {
    const Step = stepEvent('explode');
    const steps = 40;
    await publishChains(Step, 1, steps);
    const { consumer, calls } = stepConsumer('batch-explode', Step, 20);
    await consumer.start();
    try {
      await eventually(allWritten('batch-explode', steps - 1), { what: 'the other steps applied', timeoutMs: 60_000 });
      const dead = await eventually(
        async () => {
          const letters = await bus.readAll(deadLetterTopic(Step.topic), 5_000);
          return letters.length > 0 ? letters : undefined;
        },
        { what: 'the refused step dead-lettered', timeoutMs: 30_000 },
      );
      expect(dead).toHaveLength(1);
      expect(dead[0].headers).toMatchObject({ 'dlq-consumer': 'batch-explode', 'dlq-error': 'step 20 refused' });
    } finally {
      await consumer.stop();
    }
    const after = await written('batch-explode');
    // Step 21 finds no step 20, the one event that never applies; every other step sees its previous.
    expect(after).toMatchObject({ rows: steps - 1, inbox: steps - 1, unseen: 1 });
    // Once in the rolled-back batch, then three attempts on its own.
    expect(calls.filter((step) => step === 20)).toHaveLength(4);
  });
});

describe('a batch subscription', () => {
  it('commits what the handler reported handled, and replaces a consumer kafkajs leaves stopped, from the first message not reported', async () => {
    const crashTopic = `${run}.crash`;
    await bus.ensureTopics([crashTopic]);
    const seen: string[] = [];
    let crashes = 0;
    const stop = await bus.consumeBatches('batch-crash', [crashTopic], async (messages, progress) => {
      for (const message of messages) {
        // A TypeError is one of the errors kafkajs never restarts a consumer after.
        if (message.value === 'second' && crashes === 0) {
          crashes += 1;
          throw new TypeError('a fault kafkajs calls unrecoverable');
        }
        seen.push(message.value ?? '');
        await progress.handled(message);
      }
    });
    try {
      await bus.publish(['first', 'second', 'third'].map((value) => ({ topic: crashTopic, key: 'one-key', value })));
      await eventually(async () => (seen.length >= 3 ? true : undefined), { what: 'messages after the crash', timeoutMs: 60_000 });
      expect(crashes).toBe(1);
      expect(seen).toEqual(['first', 'second', 'third']);
      await eventually(async () => ((await bus.consumerLag('batch-crash', crashTopic)) === 0 ? true : undefined), { what: 'offsets committed' });
    } finally {
      await stop();
    }
  });
});
