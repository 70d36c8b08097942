import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import pino from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { DEAD_LETTER_HEADERS } from './dead-letters';
import { defineEvent, eventMessage } from './envelope';
import type { BatchProgress, EventBus, IncomingMessage, OutgoingMessage } from './event-bus';
import { InboxConsumer } from './inbox-consumer';

const topic = 'notes.events';
const NoteWritten = defineEvent({ type: 'NoteWritten', version: 1, topic, payload: z.object({ note: z.string().min(1) }) });
const NoteFiled = defineEvent({ type: 'NoteFiled', version: 1, topic, payload: z.object({ note: z.string().min(1) }) });
const NoteRead = defineEvent({ type: 'NoteRead', version: 1, topic, payload: z.object({ note: z.string().min(1) }) });

/**
 * The database as the inbox consumer sees it: a transaction keeps the inbox rows and notes it
 * wrote only when its work resolves. Counts transactions and inbox statements.
 */
class FakeDatabase {
  readonly inbox = new Set<string>();
  readonly notes: string[] = [];
  transactions = 0;
  inboxStatements = 0;
  /** Thrown by the next transaction's inbox statement (a lost connection), once. */
  failNext: Error | undefined;

  readonly dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      this.transactions += 1;
      const inbox = new Set(this.inbox);
      const notes = [...this.notes];
      const manager = { query: async (sql: string, params: unknown[]) => this.query(sql, params, inbox, notes) };
      const result = await work(manager as unknown as EntityManager);
      this.inbox.clear();
      for (const id of inbox) this.inbox.add(id);
      this.notes.splice(0, this.notes.length, ...notes);
      return result;
    },
  } as unknown as DataSource;

  private query(sql: string, params: unknown[], inbox: Set<string>, notes: string[]): unknown[] {
    if (sql.startsWith('SELECT text FROM note')) return notes.map((text) => ({ text }));
    if (sql.startsWith('INSERT INTO note')) {
      notes.push(String(params[0]));
      return [];
    }
    this.inboxStatements += 1;
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    const ids = Array.isArray(params[1]) ? params[1].map(String) : [String(params[1])];
    return ids.filter((id) => !inbox.has(id) && inbox.add(id)).map((id) => ({ event_id: id }));
  }
}

let database: FakeDatabase;
let deadLetters: OutgoingMessage[];
const bus = { publish: async (messages: OutgoingMessage[]) => void deadLetters.push(...messages) } as unknown as EventBus;

function noteConsumer(settings: { batchSize?: number } = {}): InboxConsumer {
  return new InboxConsumer({ name: 'notes', bus, dataSource: database.dataSource, logger: pino({ level: 'silent' }), retryDelayMs: 1, ...settings }).on(
    NoteWritten,
    async (event, manager) => {
      if (event.payload.note === 'explode') throw new Error('handler refuses this note');
      // Order within the batch: an "after:" note needs the note it names written before it.
      const [, before] = /^after:(.*)$/.exec(event.payload.note) ?? [];
      const written: Array<{ text: string }> = await manager.query('SELECT text FROM note', []);
      if (before !== undefined && !written.some(({ text }) => text === before)) throw new Error(`${before} not written yet`);
      await manager.query('INSERT INTO note (text) VALUES ($1)', [event.payload.note]);
    },
  );
}

/**
 * A consumer with one batch handler for written and filed notes (it records each run it is
 * given, and writes its notes in one statement) and a plain handler for read notes.
 */
function batchingConsumer(runs: string[][], settings: { batchSize?: number } = {}): InboxConsumer {
  return new InboxConsumer({ name: 'notes', bus, dataSource: database.dataSource, logger: pino({ level: 'silent' }), retryDelayMs: 1, ...settings })
    .onBatch([NoteWritten, NoteFiled], async (events, manager) => {
      runs.push(events.map((event) => `${event.type}:${event.payload.note}`));
      if (events.some((event) => event.payload.note === 'explode')) throw new Error('handler refuses this note');
      for (const event of events) await manager.query('INSERT INTO note (text) VALUES ($1)', [event.payload.note]);
    })
    .on(NoteRead, async (event, manager) => {
      runs.push([`${event.type}:${event.payload.note}`]);
      await manager.query('INSERT INTO note (text) VALUES ($1)', [`read ${event.payload.note}`]);
    });
}

let offset = 0;
function note(text: string, headers: Record<string, string> = {}, contract: typeof NoteWritten = NoteWritten): IncomingMessage {
  const message = eventMessage(contract, { note: text }, { aggregateId: 'a-1' });
  offset += 1;
  return { topic, partition: 0, offset: String(offset), key: message.key, value: message.value, headers: { ...message.headers, ...headers } };
}
const raw = (value: string): IncomingMessage => ({ topic, partition: 0, offset: String((offset += 1)), key: 'k', value, headers: {} });

beforeEach(() => {
  database = new FakeDatabase();
  deadLetters = [];
});

describe('an inbox consumer handed a batch', () => {
  it('applies its events in one transaction with one inbox statement, in order, and dead-letters poison one by one', async () => {
    const batch = [note('one'), raw('not json'), note('two'), note('after:two'), raw('{}')];
    const outcomes = await noteConsumer().deliverBatch(batch);
    expect(outcomes).toEqual(['applied', 'dead-lettered', 'applied', 'applied', 'dead-lettered']);
    expect(database).toMatchObject({ transactions: 1, inboxStatements: 1, notes: ['one', 'two', 'after:two'] });
    expect(deadLetters.map((letter) => letter.value)).toEqual(['not json', '{}']);
  });

  it('skips, unread, a message whose event-type header names a type it does not handle', async () => {
    const foreign: IncomingMessage = { ...raw('not json: another consumer\'s business'), headers: { 'event-type': 'NoteShredded' } };
    const outcomes = await noteConsumer().deliverBatch([foreign, note('one')]);
    expect(outcomes).toEqual(['ignored', 'applied']);
    expect(deadLetters).toEqual([]);
    expect(database.notes).toEqual(['one']);
  });

  it('skips events already in the inbox and a second copy within the batch', async () => {
    const first = note('one');
    await noteConsumer().deliverBatch([first]);
    const second = note('two');
    const outcomes = await noteConsumer().deliverBatch([first, second, { ...second, offset: '99' }]);
    expect(outcomes).toEqual(['duplicate', 'applied', 'duplicate']);
    expect(database.notes).toEqual(['one', 'two']);
  });

  it('applies the chunk one event per transaction when a handler throws, retrying and dead-lettering that event only', async () => {
    const outcomes = await noteConsumer().deliverBatch([note('one'), note('explode'), note('two')]);
    expect(outcomes).toEqual(['applied', 'dead-lettered', 'applied']);
    expect(database.notes).toEqual(['one', 'two']);
    // The rolled-back batch, then one, three attempts of the bad event, and two.
    expect(database.transactions).toBe(1 + 1 + 3 + 1);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].headers).toMatchObject({ [DEAD_LETTER_HEADERS.error]: 'handler refuses this note' });
  });

  it('rethrows a lost connection, reporting nothing handled, so Kafka delivers the chunk again', async () => {
    database.failNext = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const handled: string[] = [];
    const progress: BatchProgress = { handled: async (message) => void handled.push(message.offset), isCurrent: () => true };
    await expect(noteConsumer().deliverBatch([note('one'), note('two')], progress)).rejects.toThrow('terminating connection');
    expect(handled).toEqual([]);
    expect(database.notes).toEqual([]);
    expect(deadLetters).toEqual([]);
  });

  it('cuts a batch into chunks of batchSize, reports each chunk once committed, and stops when told', async () => {
    const batch = [note('one'), note('two'), note('three'), note('four'), note('five')];
    const handled: string[] = [];
    let current = true;
    const progress: BatchProgress = {
      handled: async (message) => {
        handled.push(message.offset);
        current = handled.length < 2;
      },
      isCurrent: () => current,
    };
    const outcomes = await noteConsumer({ batchSize: 2 }).deliverBatch(batch, progress);
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(handled).toEqual([batch[1].offset, batch[3].offset]);
    expect(database).toMatchObject({ transactions: 2, notes: ['one', 'two', 'three', 'four'] });
  });

  it('with batchSize 1, applies each event in its own transaction', async () => {
    await noteConsumer({ batchSize: 1 }).deliverBatch([note('one'), note('two'), note('three')]);
    expect(database).toMatchObject({ transactions: 3, inboxStatements: 3, notes: ['one', 'two', 'three'] });
  });
});

describe('an inbox consumer with a batch handler', () => {
  it('gives it each run of consecutive new events of its contracts, in order; another handler or a duplicate ends a run', async () => {
    const runs: string[][] = [];
    const seen = note('zero');
    await batchingConsumer(runs).deliverBatch([seen]);
    runs.length = 0;
    database.transactions = 0;
    const outcomes = await batchingConsumer(runs).deliverBatch([
      note('one'), note('two', {}, NoteFiled), note('three'), note('four', {}, NoteRead), note('five'), seen, note('six'), raw('not json'), note('seven'),
    ]);
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'duplicate', 'applied', 'dead-lettered', 'applied']);
    expect(runs).toEqual([
      ['NoteWritten:one', 'NoteFiled:two', 'NoteWritten:three'],
      ['NoteRead:four'],
      ['NoteWritten:five'],
      ['NoteWritten:six', 'NoteWritten:seven'],
    ]);
    expect(database).toMatchObject({ transactions: 1, notes: ['zero', 'one', 'two', 'three', 'read four', 'five', 'six', 'seven'] });
  });

  it('gives it one event at a time when the chunk fails, and dead-letters only the event that keeps failing', async () => {
    const runs: string[][] = [];
    const outcomes = await batchingConsumer(runs).deliverBatch([note('one'), note('explode'), note('two')]);
    expect(outcomes).toEqual(['applied', 'dead-lettered', 'applied']);
    expect(runs[0]).toEqual(['NoteWritten:one', 'NoteWritten:explode', 'NoteWritten:two']);
    expect(runs.slice(1)).toEqual([['NoteWritten:one'], ['NoteWritten:explode'], ['NoteWritten:explode'], ['NoteWritten:explode'], ['NoteWritten:two']]);
    expect(database.notes).toEqual(['one', 'two']);
  });

  it('with batchSize 1, gives it one event per transaction', async () => {
    const runs: string[][] = [];
    await batchingConsumer(runs, { batchSize: 1 }).deliverBatch([note('one'), note('two')]);
    expect(runs).toEqual([['NoteWritten:one'], ['NoteWritten:two']]);
    expect(database.transactions).toBe(2);
  });
});

describe('an inbox consumer handed a batch, with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register());
  afterAll(() => trace.disable());

  it('handles each message in its own consumer span, with its outcome', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const first = note('one', { traceparent });
    await noteConsumer().deliverBatch([first, note('two', { traceparent }), { ...first, offset: '99' }, raw('not json')]);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => [span.kind, span.attributes['ps.delivery.outcome']])).toEqual([
      [SpanKind.CONSUMER, 'applied'],
      [SpanKind.CONSUMER, 'applied'],
      [SpanKind.CONSUMER, 'duplicate'],
    ]);
    expect(spans.every((span) => span.spanContext().traceId === '0af7651916cd43dd8448eb211c80319c')).toBe(true);
  });

  it("handles a batch handler's run in one consumer span linked to each message's cause", async () => {
    exporter.reset();
    const causes = ['0af7651916cd43dd8448eb211c80319c', '1bf7651916cd43dd8448eb211c80319d'];
    await batchingConsumer([]).deliverBatch([
      note('one', { traceparent: `00-${causes[0]}-b7ad6b7169203331-01` }),
      note('two'),
      note('three', { traceparent: `00-${causes[1]}-c7ad6b7169203332-01` }),
    ]);
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0].kind).toBe(SpanKind.CONSUMER);
    expect(spans[0].attributes['messaging.batch.message_count']).toBe(3);
    expect(spans[0].links.map((link) => link.context.traceId)).toEqual(causes);
    expect(causes).not.toContain(spans[0].spanContext().traceId);
  });
});
