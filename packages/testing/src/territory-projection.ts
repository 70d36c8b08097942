import { queryDatabase } from './database';
import { eventually } from './wait';

/** A service that projects the territory: its name (its consumer is `<name>.territory`) and its database. */
export interface TerritoryConsumer {
  name: string;
  databaseUrl: string;
}

/** How many of the territory events `eventIds` the service's territory consumer has not applied yet (no inbox row). */
export async function territoryEventsMissing(consumer: TerritoryConsumer, eventIds: readonly string[]): Promise<number> {
  const [row] = await queryDatabase<{ n: number }>(
    consumer.databaseUrl,
    `SELECT count(*)::int AS n FROM unnest($2::uuid[]) AS event (id)
      WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE inbox.consumer = $1 AND inbox.event_id = event.id)`,
    [`${consumer.name}.territory`, eventIds],
  );
  return row.n;
}

/**
 * Waits until each consumer has applied every territory event organization's outbox holds —
 * every version of every unit, the 2025 mergers' re-parented ones too, not only every code — so
 * that nothing seeded or asked afterwards meets a half-projected territory. `eventTypes`: the
 * territory events' types (`territoryReads` of @ps/contracts, which this package cannot depend on).
 */
export async function awaitTerritoryProjected(
  organizationUrl: string,
  consumers: readonly TerritoryConsumer[],
  eventTypes: readonly string[],
  timeoutMs = 180_000,
): Promise<void> {
  const events = await queryDatabase<{ id: string }>(organizationUrl, 'SELECT id::text FROM outbox WHERE event_type = ANY($1::text[])', [eventTypes]);
  const eventIds = events.map((event) => event.id);
  for (const consumer of consumers) {
    await eventually(async () => ((await territoryEventsMissing(consumer, eventIds)) === 0 ? true : undefined), {
      what: `${consumer.name} applied the ${eventIds.length} territory events of the seeded territory`,
      timeoutMs,
      intervalMs: 500,
    });
  }
}
