import type { DataSource } from 'typeorm';
import type { EventEnvelope } from './envelope';
import type { IncomingMessage } from './event-bus';
import { traceDelivery, traceDeliveries } from './event-tracing';
import type { BatchEventHandler, EventHandler } from './inbox-consumer';

/** A message read and validated, with the handler its event type and version is registered to. */
export interface ReadyEvent {
  message: IncomingMessage;
  event: EventEnvelope;
  handler: EventHandler<unknown>;
  /** The batch handler, when the registration has one (`onBatch`). */
  batch?: BatchEventHandler<unknown>;
}

/**
 * Applies events in one transaction: their `inbox` rows in one statement, then, in the given
 * (Kafka) order, the handler of each event whose row is new, in its consumer span; an event
 * already in the inbox, or earlier in the same batch, is a duplicate. A run of consecutive new
 * events registered with the same batch handler goes to it at once, in one consumer span linked
 * to each of their causes. Answers each event's outcome in order. A handler that throws rolls
 * every event of the batch back.
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
    // Deleted once seen: a second copy of the event in this batch is a duplicate.
    const isFresh = ready.map(({ event }) => fresh.delete(event.id.toLowerCase()));
    const outcomes: Array<'applied' | 'duplicate'> = [];
    for (let start = 0; start < ready.length; ) {
      const { message, event, handler, batch } = ready[start];
      let end = start + 1;
      if (batch && isFresh[start]) while (end < ready.length && isFresh[end] && ready[end].batch === batch) end += 1;
      if (batch && end - start > 1) {
        const run = ready.slice(start, end);
        await traceDeliveries(run.map((item) => item.message), consumer, () => batch(run.map((item) => item.event), manager));
        outcomes.push(...run.map(() => 'applied' as const));
      } else {
        outcomes.push(
          await traceDelivery(message, consumer, async () => {
            if (!isFresh[start]) return 'duplicate';
            await handler(event, manager);
            return 'applied';
          }),
        );
      }
      start = end;
    }
    return outcomes;
  });
}
