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

/**
 * Records many events of one contract with a single INSERT (bulk loads, restructurings), in the
 * order given. The envelopes travel as one JSON array (id and key read from each): PostgreSQL
 * parses it about as fast as COPY, twice as fast as a jsonb[] parameter.
 */
export async function recordEvents<Payload, Input>(
  manager: EntityManager,
  contract: EventContract<Payload, Input>,
  items: ReadonlyArray<{ payload: NoInfer<Input>; metadata: EventMetadata }>,
): Promise<Array<EventEnvelope<Payload>>> {
  if (items.length === 0) return [];
  const envelopes = items.map((item) => createEnvelope(contract, item.payload, item.metadata));
  await manager.query(
    `INSERT INTO outbox (id, topic, message_key, event_type, envelope, trace_context)
     SELECT (envelope ->> 'id')::uuid, $1, envelope ->> 'aggregateId', $2, envelope, $4::jsonb
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS batch(envelope, position)
      ORDER BY position`,
    [contract.topic, contract.type, JSON.stringify(envelopes), traceContextColumn()],
  );
  return envelopes;
}
