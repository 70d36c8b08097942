import { randomUUID } from 'node:crypto';
import { z } from 'zod';

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
 * A versioned event type owned by its producer. Consumers declare their own contract for
 * what they read (tolerant reader); a breaking change is a new version, never an edit.
 */
export interface EventContract<Payload> {
  type: string;
  version: number;
  /** Topic of the producing service, e.g. `organization.events.v1`. */
  topic: string;
  payload: z.ZodType<Payload>;
}

export function defineEvent<Payload>(contract: EventContract<Payload>): EventContract<Payload> {
  return contract;
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
export function createEnvelope<Payload>(
  contract: EventContract<Payload>,
  payload: Payload,
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

/** Metadata for an event caused by `cause`: same correlation, causation = the cause's id. */
export function causedBy(cause: EventEnvelope, aggregateId: string, unitPath?: string | null): EventMetadata {
  return { aggregateId, unitPath, actor: cause.actor, correlationId: cause.correlationId, causationId: cause.id };
}

/** The dead-letter topic beside a topic. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
