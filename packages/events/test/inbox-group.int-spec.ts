import pino from 'pino';
import { eventually, infrastructure, recreateTestDatabase } from '@ps/testing';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { EventBus, InboxConsumer, InboxGroup, MESSAGING_MIGRATIONS, deadLetterTopic, defineEvent, eventMessage } from '../src';

const logger = pino({ level: 'silent' });
const run = `test-${Date.now()}`;
const Noted = defineEvent({ type: 'Noted', version: 1, topic: `${run}.notes`, payload: z.object({ n: z.number().int() }) });
const Other = defineEvent({ type: 'Other', version: 1, topic: `${run}.others`, payload: z.object({ n: z.number().int() }) });

let dataSource: DataSource;
let bus: EventBus;

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_events_group_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({ type: 'postgres', url, migrations: MESSAGING_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query('CREATE TABLE note (consumer text NOT NULL, topic text NOT NULL, n int NOT NULL)');
  bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'events-group-test', logger, partitions: 1 });
  await bus.ensureTopics([Noted.topic, Other.topic, deadLetterTopic(Noted.topic), deadLetterTopic(Other.topic)]);
});

afterAll(async () => {
  await bus?.disconnect();
  await dataSource?.destroy();
});

/** A consumer writing a `note` row per event of the contracts it is given. */
function noting(name: string, ...contracts: Array<typeof Noted>): InboxConsumer {
  const consumer = new InboxConsumer({ name, bus, dataSource, logger });
  for (const contract of contracts) {
    consumer.on(contract, async (event, manager) => {
      await manager.query('INSERT INTO note (consumer, topic, n) VALUES ($1, $2, $3)', [name, contract.topic, event.payload.n]);
    });
  }
  return consumer;
}

const publish = (contract: typeof Noted, from: number, count: number) =>
  bus.publish(Array.from({ length: count }, (_, index) => eventMessage(contract, { n: from + index }, { aggregateId: 'one' })));
const notes = async (consumer: string): Promise<number[]> =>
  (await dataSource.query('SELECT n FROM note WHERE consumer = $1 ORDER BY n', [consumer])).map((row: { n: number }) => row.n);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

describe('one consumer group for a service’s inboxes, on a real broker', () => {
  it('hands each message to every inbox reading its topic, commits the group’s offsets, and takes over where the former groups had got to', async () => {
    const group = `${run}.inbox`;
    // The former layout: a group per consumer, `first` read the first 10 notes, `second` the first 20.
    await publish(Noted, 0, 30);
    await publish(Other, 100, 5);
    const first = noting(`${run}.first`, Noted);
    const second = noting(`${run}.second`, Noted, Other);
    for (const [consumer, upTo] of [[first, 10], [second, 20]] as const) {
      await bus.consumeBacklog(consumer.name, Noted.topic, async (message) => {
        if (Number(message.offset) < upTo) await consumer.deliver(message);
        else throw new Error('stop here');
      }).catch(() => undefined);
    }
    expect(await notes(first.name)).toEqual(range(0, 10));
    expect(await notes(second.name)).toEqual(range(0, 20));
    expect(await bus.consumerLag(second.name, Noted.topic)).toBe(10);

    // The group starts from the lowest offset its readers had committed on each topic, and
    // from the beginning of a topic one of them had never read.
    const inboxes = new InboxGroup({ name: group, bus, logger, consumers: [first, second] });
    expect(await bus.takeOverGroups(group, inboxes.topics, [{ groupId: first.name, topics: first.topics }, { groupId: second.name, topics: second.topics }])).toBe(1);
    expect((await bus.backlog(group, Noted.topic))[0].from).toBe(10n);
    expect(await bus.takeOverGroups(group, inboxes.topics, [{ groupId: first.name, topics: first.topics }])).toBe(0);

    await inboxes.start();
    try {
      await publish(Noted, 30, 5);
      await eventually(async () => ((await notes(first.name)).length === 35 && (await notes(second.name)).length === 40 ? true : undefined), {
        what: 'every note applied by both inboxes', timeoutMs: 60_000,
      });
      await eventually(async () => ((await bus.consumerLag(group, Noted.topic)) + (await bus.consumerLag(group, Other.topic)) === 0 ? true : undefined), {
        what: 'the group’s offsets committed',
      });
    } finally {
      await inboxes.stop();
    }
    // Notes 10–19 came again to `second`, which had applied them: its inbox kept them once.
    expect(await notes(first.name)).toEqual(range(0, 35));
    expect(await notes(second.name)).toEqual([...range(0, 35), ...range(100, 105)]);
    expect((await dataSource.query('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1', [second.name]))[0].n).toBe(40);
  });
});
