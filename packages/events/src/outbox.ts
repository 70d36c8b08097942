import type { EntityManager } from 'typeorm';
import { createEnvelope, type EventContract, type EventEnvelope, type EventMetadata } from './envelope';
import { currentTraceContext } from './event-tracing';

/** The trace of the operation recording events, kept with them so the relay can continue it. */
const traceContextColumn = (): string | null => {
  const carrier = currentTraceContext();
  return carrier === null ? null : JSON.stringify(carrier);
};

/**
 * Records an event in the caller's transaction: it is published if and only if the change
 * it describes commits. The payload is validated against the contract first. The active
 * trace context goes with it (`trace_context`), so its consumers join the same trace.
 */
export async function recordEvent<Payload, Input>(
  manager: EntityManager,
  contract: EventContract<Payload, Input>,
  payload: NoInfer<Input>,
  metadata: EventMetadata,
): Promise<EventEnvelope<Payload>> {
  const envelope = createEnvelope(contract, payload, metadata);
  await manager.query(
    `INSERT INTO outbox (id, topic, message_key, event_type, envelope, trace_context) VALUES ($1, $2, $3, $4, $5, $6)`,
    [envelope.id, contract.topic, envelope.aggregateId, envelope.type, JSON.stringify(envelope), traceContextColumn()],
  );
  return envelope;
}

/** Records many events of one contract with a single INSERT (bulk loads, restructurings). */
export async function recordEvents<Payload, Input>(
  manager: EntityManager,
  contract: EventContract<Payload, Input>,
  items: ReadonlyArray<{ payload: NoInfer<Input>; metadata: EventMetadata }>,
): Promise<Array<EventEnvelope<Payload>>> {
  if (items.length === 0) return [];
  const envelopes = items.map((item) => createEnvelope(contract, item.payload, item.metadata));
  await manager.query(
    `INSERT INTO outbox (id, topic, message_key, event_type, envelope, trace_context)
     SELECT id, $2, key, $3, envelope, $6::jsonb
       FROM unnest($1::uuid[], $4::text[], $5::jsonb[]) AS batch(id, key, envelope)`,
    [
      envelopes.map((envelope) => envelope.id),
      contract.topic,
      contract.type,
      envelopes.map((envelope) => envelope.aggregateId),
      envelopes.map((envelope) => JSON.stringify(envelope)),
      traceContextColumn(),
    ],
  );
  return envelopes;
}
