import type { DataSource } from 'typeorm';
import type { EventEnvelope } from './envelope';
import type { IncomingMessage } from './event-bus';
import { traceDelivery } from './event-tracing';
import type { EventHandler } from './inbox-consumer';

/** A message read and validated, with the handler its event type and version is registered to. */
export interface ReadyEvent {
  message: IncomingMessage;
  event: EventEnvelope;
  handler: EventHandler<unknown>;
}

/**
 * Applies events in one transaction: their `inbox` rows in one statement, then, in the given
 * (Kafka) order, the handler of each event whose row is new, in its consumer span; an event
 * already in the inbox, or earlier in the same batch, is a duplicate. Answers each event's
 * outcome in order. A handler that throws rolls every event of the batch back.
 */
export async function applyTogether(
  dataSource: DataSource,
  consumer: string,
  ready: readonly ReadyEvent[],
): Promise<Array<'applied' | 'duplicate'>> {
  if (ready.length === 0) return [];
  return dataSource.transaction(async (manager) => {
    const inserted: Array<{ event_id: string }> = await manager.query(
      `INSERT INTO inbox (consumer, event_id, event_type)
       SELECT $1, event_id, event_type FROM unnest($2::uuid[], $3::text[]) AS batch (event_id, event_type)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, ready.map(({ event }) => event.id), ready.map(({ event }) => event.type)],
    );
    const fresh = new Set(inserted.map((row) => row.event_id));
    const outcomes: Array<'applied' | 'duplicate'> = [];
    for (const { message, event, handler } of ready) {
      // Deleted once applied: a second copy of the event in this batch is a duplicate.
      const isFresh = fresh.delete(event.id.toLowerCase());
      outcomes.push(
        await traceDelivery(message, consumer, async () => {
          if (!isFresh) return 'duplicate';
          await handler(event, manager);
          return 'applied';
        }),
      );
    }
    return outcomes;
  });
}
