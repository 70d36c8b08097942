import { z } from 'zod';
import { causedBy, createEnvelope, deadLetterTopic, defineEvent, envelopeSchema } from './envelope';

const NoteWritten = defineEvent({
  type: 'NoteWritten',
  version: 1,
  topic: 'notes.events.v1',
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

  it('puts dead letters beside their topic', () => {
    expect(deadLetterTopic('organization.events.v1')).toBe('organization.events.v1.dlq');
  });
});
