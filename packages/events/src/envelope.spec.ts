import { z } from 'zod';
import {
  causedBy,
  consumerView,
  createEnvelope,
  deadLetterTopic,
  defineEvent,
  envelopeSchema,
  eventMessage,
  fieldsRead,
} from './envelope';

const NoteWritten = defineEvent({
  type: 'NoteWritten',
  version: 1,
  topic: 'test.notes',
  payload: z.object({ note: z.string().min(1) }),
});

describe('event envelope', () => {
  it('builds a valid envelope that starts its own correlation', () => {
    const envelope = createEnvelope(NoteWritten, { note: 'hello' }, { aggregateId: 'n1', actor: 'u1' });
    expect(envelopeSchema.parse(envelope)).toEqual(envelope);
    expect(envelope).toMatchObject({ type: 'NoteWritten', version: 1, aggregateId: 'n1', causationId: null });
    expect(envelope.correlationId).toBe(envelope.id);
  });

  it('refuses a payload that breaks the contract', () => {
    expect(() => createEnvelope(NoteWritten, { note: '' }, { aggregateId: 'n1' })).toThrow();
  });

  it('carries correlation forward and names the cause', () => {
    const cause = createEnvelope(NoteWritten, { note: 'first' }, { aggregateId: 'n1', actor: 'u1' });
    const effect = createEnvelope(NoteWritten, { note: 'second' }, causedBy(cause, 'n2', '74.720'));
    expect(effect).toMatchObject({ correlationId: cause.correlationId, causationId: cause.id, actor: 'u1', unitPath: '74.720' });
  });

  it('builds the Kafka message the relay would send: keyed by aggregate, on the contract\'s topic', () => {
    const message = eventMessage(NoteWritten, { note: 'hello' }, { aggregateId: 'n1' });
    const envelope = envelopeSchema.parse(JSON.parse(message.value));
    expect(message).toMatchObject({ topic: 'test.notes', key: 'n1', headers: { 'event-type': 'NoteWritten', 'event-version': '1' } });
    expect(envelope.payload).toEqual({ note: 'hello' });
    expect(() => eventMessage(NoteWritten, { note: '' }, { aggregateId: 'n1' })).toThrow();
  });

  it('puts dead letters beside their topic', () => {
    expect(deadLetterTopic('test.notes')).toBe('test.notes.dlq');
  });
});

describe('contracts with defaults and consumer views', () => {
  const NoteFiled = defineEvent({
    type: 'NoteFiled',
    version: 1,
    topic: 'test.notes',
    payload: z.object({ note: z.string(), folder: z.string(), pinned: z.boolean().default(false) }),
  });

  it('lets a producer leave out a field that has a default, and fills it in', () => {
    const envelope = createEnvelope(NoteFiled, { note: 'n', folder: 'f' }, { aggregateId: 'n1' });
    expect(envelope.payload).toEqual({ note: 'n', folder: 'f', pinned: false });
  });

  it('reads only the fields a consumer picked, under the producer\'s type, version and topic', () => {
    const view = consumerView(NoteFiled, NoteFiled.payload.pick({ note: true }));
    expect(view).toMatchObject({ type: 'NoteFiled', version: 1, topic: 'test.notes' });
    expect(view.payload.parse({ note: 'n', folder: 'f', pinned: true })).toEqual({ note: 'n' });
    expect(view.payload.safeParse({ folder: 'f' }).success).toBe(false);
  });

  it('picks the fields a consumer reads, and refuses at build time a field the producer does not have', () => {
    expect(fieldsRead(NoteFiled.payload, { note: true, pinned: true }).parse({ note: 'n', folder: 'f' })).toEqual({ note: 'n', pinned: false });
    // @ts-expect-error the producer has no `title`: `tsc` fails if the pick ever accepts it
    expect(() => fieldsRead(NoteFiled.payload, { note: true, title: true }).parse({ note: 'n', folder: 'f' })).toThrow('Unrecognized key');
  });

  it('refuses, at build time, a view that reads a field the producer does not emit', () => {
    // @ts-expect-error the producer has no `title`: `tsc` fails if this view is ever accepted
    const view = consumerView(NoteFiled, z.object({ title: z.string() }));
    expect(view.payload.safeParse(createEnvelope(NoteFiled, { note: 'n', folder: 'f' }, { aggregateId: 'n1' }).payload).success).toBe(false);
  });
});
