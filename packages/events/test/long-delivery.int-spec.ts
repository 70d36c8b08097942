import pino from 'pino';
import { eventually, infrastructure } from '@ps/testing';
import { EventBus, type IncomingMessage } from '../src';

const logger = pino({ level: 'silent' });
const run = `test-${Date.now()}`;
/** The shortest session the broker accepts (group.min.session.timeout.ms): silence this long and the group moves on. */
const SESSION_MS = 6000;
/** One delivery's work: longer than the session, as a chunk closing a national reorganization's bodies can be. */
const WORK_MS = SESSION_MS + 4000;

let bus: EventBus;

beforeAll(() => {
  bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'events-long-delivery-test', logger, partitions: 1, sessionTimeoutMs: SESSION_MS });
});

afterAll(async () => {
  await bus?.disconnect();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function publishNotes(topic: string, count: number): Promise<void> {
  await bus.ensureTopics([topic]);
  await bus.publish(Array.from({ length: count }, (_, index) => ({ topic, key: 'k', value: `note ${index}` })));
}

/** Waits until the group has committed everything, then long enough for an evicted member to have been given the messages again. */
async function settled(groupId: string, topic: string): Promise<void> {
  await eventually(async () => ((await bus.consumerLag(groupId, topic)) === 0 ? true : undefined), { what: `${groupId} committed`, timeoutMs: 60_000 });
  await sleep(2000);
}

describe('a delivery that takes longer than the consumer group session', () => {
  it('keeps its partition: a batch handled once, its offsets committed', async () => {
    const topic = `${run}.batch`;
    await publishNotes(topic, 3);
    const deliveries: string[][] = [];
    const stop = await bus.consumeBatches(`${run}.batch-group`, [topic], async (messages, progress) => {
      deliveries.push(messages.map((message: IncomingMessage) => message.value ?? ''));
      if (deliveries.length === 1) await sleep(WORK_MS);
      await progress.handled(messages[messages.length - 1]);
    });
    try {
      await settled(`${run}.batch-group`, topic);
    } finally {
      await stop();
    }
    expect(deliveries).toEqual([['note 0', 'note 1', 'note 2']]);
  }, 90_000);

  it('keeps its partition: a single message handled once, its offset committed', async () => {
    const topic = `${run}.single`;
    await publishNotes(topic, 2);
    const deliveries: string[] = [];
    const stop = await bus.consume(`${run}.single-group`, [topic], async (message) => {
      deliveries.push(message.value ?? '');
      if (deliveries.length === 1) await sleep(WORK_MS);
    });
    try {
      await settled(`${run}.single-group`, topic);
    } finally {
      await stop();
    }
    expect(deliveries).toEqual(['note 0', 'note 1']);
  }, 90_000);
});
