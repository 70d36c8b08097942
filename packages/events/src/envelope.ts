import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { OutgoingMessage } from './event-bus';

/** Every event on the wire, whatever its type: the envelope is validated on publish and on consume. */
export const envelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  aggregateId: z.string().min(1),
  /** Territory path of the unit the event concerns (ltree text), when it concerns one. */
  unitPath: z.string().nullable(),
  /** Who caused it: a user id, or `system:<name>` for jobs and projections. */
  actor: z.string().nullable(),
  correlationId: z.string().min(1),
  causationId: z.string().nullable(),
  payload: z.unknown(),
});

export type EventEnvelope<Payload = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & {
  payload: Payload;
};

/**
 * A versioned event type owned by its producer: `Payload` is what consumers get after
 * parsing, `Input` what producers may hand in (fields with a default can be left out).
 * A breaking change is a new version, never an edit.
 */
export interface EventContract<Payload, Input = Payload> {
  type: string;
  version: number;
  /** Topic of the producing service (the topics are named once, in `@ps/contracts`). */
  topic: string;
  payload: z.ZodType<Payload, Input>;
}

/** A contract that keeps its schema's own type, so consumers can `.pick()` their view from it. */
export type EventDefinition<Schema extends z.ZodType> = EventContract<z.output<Schema>, z.input<Schema>> & {
  payload: Schema;
};

/** Declares a versioned event of a producer (its schema validates on publish and on consume). */
export function defineEvent<Schema extends z.ZodType>(contract: {
  type: string;
  version: number;
  topic: string;
  payload: Schema;
}): EventDefinition<Schema> {
  return contract as EventDefinition<Schema>;
}

/**
 * The fields of a producer's object schema a consumer reads: `schema.pick(mask)`, except that
 * a key the producer does not have fails to compile (zod's own `pick` drops it silently).
 */
export function fieldsRead<Shape extends z.core.$ZodShape, Config extends z.core.$ZodObjectConfig, Mask extends { [K in keyof Shape]?: true }>(
  schema: z.ZodObject<Shape, Config>,
  mask: Mask & Record<Exclude<keyof Mask, keyof Shape>, never>,
) {
  return schema.pick(mask);
}

/** The type a view that does not fit its producer is held against, so the error names the problem. */
export type ViewReadsWhatTheProducerDoesNotEmit = 'a consumer view must accept every payload its producer emits';

/**
 * A consumer's view of a producer's event (tolerant reader): same type, version and topic,
 * a payload schema that reads only the fields the consumer needs. The view must accept every
 * payload the producer can emit, so a producer that drops or retypes a field the consumer
 * reads breaks the consumer's build here.
 */
export function consumerView<Producer extends z.ZodType, View extends z.ZodType>(
  producer: EventDefinition<Producer>,
  view: View & (z.output<Producer> extends z.input<View> ? unknown : ViewReadsWhatTheProducerDoesNotEmit),
): EventDefinition<View> {
  return defineEvent({ type: producer.type, version: producer.version, topic: producer.topic, payload: view });
}

export interface EventMetadata {
  aggregateId: string;
  unitPath?: string | null;
  actor?: string | null;
  /** Continues a flow: pass the causing event's correlationId; a new one is made otherwise. */
  correlationId?: string;
  /** Id of the event (or request) that caused this one. */
  causationId?: string | null;
}

/** Builds a validated envelope; an invalid payload throws before anything is written. */
export function createEnvelope<Payload, Input>(
  contract: EventContract<Payload, Input>,
  payload: NoInfer<Input>,
  metadata: EventMetadata,
): EventEnvelope<Payload> {
  const id = randomUUID();
  return {
    id,
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    aggregateId: metadata.aggregateId,
    unitPath: metadata.unitPath ?? null,
    actor: metadata.actor ?? null,
    correlationId: metadata.correlationId ?? id,
    causationId: metadata.causationId ?? null,
    payload: contract.payload.parse(payload),
  };
}

/** The headers every event carries on Kafka, beside its JSON envelope. */
export function eventHeaders(envelope: Pick<EventEnvelope, 'type' | 'version' | 'correlationId'>): Record<string, string> {
  return {
    'event-type': envelope.type,
    'event-version': String(envelope.version),
    'correlation-id': envelope.correlationId,
  };
}

/**
 * A validated event as the relay would send it (key = aggregate id), for tools and tests
 * that publish straight to Kafka instead of through an outbox.
 */
export function eventMessage<Payload, Input>(
  contract: EventContract<Payload, Input>,
  payload: NoInfer<Input>,
  metadata: EventMetadata,
): OutgoingMessage {
  const envelope = createEnvelope(contract, payload, metadata);
  return { topic: contract.topic, key: envelope.aggregateId, value: JSON.stringify(envelope), headers: eventHeaders(envelope) };
}

/** Metadata for an event caused by `cause`: same correlation, causation = the cause's id. */
export function causedBy(cause: EventEnvelope, aggregateId: string, unitPath?: string | null): EventMetadata {
  return { aggregateId, unitPath, actor: cause.actor, correlationId: cause.correlationId, causationId: cause.id };
}

/** The dead-letter topic beside a topic. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
