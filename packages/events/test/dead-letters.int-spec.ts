import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { eventually, infrastructure, recreateTestDatabase } from '@ps/testing';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  MESSAGING_MIGRATIONS,
  DEAD_LETTER_HEADERS,
  EventBus,
  InboxConsumer,
  OutboxRelay,
  REPLAY_FOR_HEADER,
  deadLetterTopic,
  defineEvent,
  recordEvent,
} from '../src';

const logger = pino({ level: 'silent' });
/** Consumer groups join slowly on a busy machine; the waits allow for it. */
const patience = { timeoutMs: 90_000 };
const prefix = `test-dead-letters-${process.pid}-${Date.now()}.`;
const topic = 'notes.v1';
const NoteWritten = defineEvent({ type: 'NoteWritten', version: 1, topic, payload: z.object({ note: z.string().min(1) }) });

let dataSource: DataSource;
let bus: EventBus;
/** The fault the fix removes: the fragile consumer refuses the note "fragile" while this holds. */
let fragileHandlerBroken = true;

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_events_dead_letters_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({ type: 'postgres', url, migrations: MESSAGING_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
  // No unique key: only the inbox keeps a consumer from applying an event twice.
  await dataSource.query('CREATE TABLE applied_note (consumer text NOT NULL, event_id uuid NOT NULL, note text NOT NULL)');
  bus = new EventBus({ brokers: infrastructure.kafkaBrokers, clientId: 'dead-letters-test', logger, prefix });
});

afterAll(async () => {
  await bus?.disconnect();
  await dataSource?.destroy();
});

function noteConsumer(name: string, refuses: (note: string) => boolean): InboxConsumer {
  return new InboxConsumer({ name, bus, dataSource, logger, retryDelayMs: 10 }).on(NoteWritten, async (event, manager) => {
    if (refuses(event.payload.note)) throw new Error(`cannot file note ${event.payload.note} yet`);
    await manager.query('INSERT INTO applied_note (consumer, event_id, note) VALUES ($1, $2, $3)', [name, event.id, event.payload.note]);
  });
}

async function writeNote(note: string): Promise<string> {
  return dataSource.transaction(async (manager) => (await recordEvent(manager, NoteWritten, { note }, { aggregateId: 'notebook-1', actor: 'test' })).id);
}

async function applied(consumer: string, eventId: string): Promise<number> {
  const [row] = await dataSource.query('SELECT count(*)::int AS n FROM applied_note WHERE consumer = $1 AND event_id = $2', [consumer, eventId]);
  return row.n;
}

/** The operator's command, as a process (the package's built output), on this run's topics. */
async function deadLettersCommand(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('node', [join(__dirname, '..', 'dist', 'dead-letters.cli.js'), ...args, '--topic', topic, '--prefix', prefix], {
    env: { ...process.env, KAFKA_BROKERS: infrastructure.kafkaBrokers.join(',') },
  });
  return stdout;
}

describe('dead letters', () => {
  it('a poison message lands on the dead-letter topic, the next is applied, and a replay after the fix applies it exactly once', async () => {
    const relay = new OutboxRelay({ dataSource, bus, logger, idleMs: 20 });
    const fragile = noteConsumer('notes.fragile', (note) => fragileHandlerBroken && note === 'fragile');
    const steady = noteConsumer('notes.steady', () => false);
    relay.start();
    await fragile.start();
    await steady.start();
    try {
      const poison = await writeNote('fragile');
      const next = await writeNote('next');
      await eventually(async () => ((await applied('notes.fragile', next)) === 1 ? true : undefined), { what: 'the next note applied', ...patience });
      expect(await applied('notes.fragile', poison)).toBe(0);
      expect(await applied('notes.steady', poison)).toBe(1);

      const [letter, ...others] = await bus.readAll(deadLetterTopic(topic));
      expect(others).toEqual([]);
      expect(JSON.parse(letter.value ?? '{}').id).toBe(poison);
      expect(letter.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.consumer]: 'notes.fragile',
        [DEAD_LETTER_HEADERS.error]: 'cannot file note fragile yet',
        [DEAD_LETTER_HEADERS.source]: expect.stringMatching(/^notes\.v1\/\d+\/\d+$/),
      });
      const listed = await deadLettersCommand('list', '--consumer', 'notes.fragile');
      expect(listed).toContain(`notes.fragile  NoteWritten ${poison}`);
      expect(listed).toContain('cannot file note fragile yet');
      expect(listed).toContain('1 dead letter(s) on notes.v1.dlq for notes.fragile, 1 not replayed yet');

      fragileHandlerBroken = false;
      const firstReplay = await deadLettersCommand('replay', '--consumer', 'notes.fragile');
      expect(firstReplay).toContain(`replayed ${letter.partition}/${letter.offset}  notes.fragile  NoteWritten ${poison}`);
      expect(firstReplay).toContain('1 replayed to notes.v1');
      await eventually(async () => ((await applied('notes.fragile', poison)) === 1 ? true : undefined), { what: 'the replayed note applied', ...patience });

      const secondReplay = await deadLettersCommand('replay', '--consumer', 'notes.fragile');
      expect(secondReplay).toContain('0 replayed to notes.v1');
      expect(await deadLettersCommand('list', '--consumer', 'notes.fragile')).toContain('1 dead letter(s) on notes.v1.dlq for notes.fragile, 0 not replayed yet');
      const onTopic = await bus.readAll(topic);
      const replays = onTopic.filter((message) => message.headers[REPLAY_FOR_HEADER] !== undefined);
      expect(replays.map((message) => message.headers[REPLAY_FOR_HEADER])).toEqual(['notes.fragile']);
      // Both consumers have read the replay; the fragile one applied it once, the steady one never again.
      await eventually(async () => ((await bus.consumerLag('notes.steady', topic)) + (await bus.consumerLag('notes.fragile', topic)) === 0 ? true : undefined), {
        what: 'the replay read by both consumers',
        ...patience,
      });
      expect(await applied('notes.fragile', poison)).toBe(1);
      expect(await applied('notes.steady', poison)).toBe(1);
      const inbox = await dataSource.query('SELECT consumer FROM inbox WHERE event_id = $1 ORDER BY consumer', [poison]);
      expect(inbox).toEqual([{ consumer: 'notes.fragile' }, { consumer: 'notes.steady' }]);
      expect(await bus.readAll(deadLetterTopic(topic))).toHaveLength(1);
    } finally {
      await steady.stop();
      await fragile.stop();
      await relay.stop();
    }
  }, 300_000);
});
