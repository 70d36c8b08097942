import { InvariantViolation } from '@ps/errors';
import {
  disciplineReads,
  evaluationReads,
  organizationReads,
  proposalAnswerReads,
  proposalApprovalReads,
  ratedOrganizationReads,
  ratedPersonnelReads,
  reformOrganizationReads,
  reformPersonnelReads,
  reformSuccessionReads,
  successionReads,
  territoryReads,
} from '@ps/contracts';
import { deadLetterTopic, type EventBus } from '@ps/events';
import { queryDatabase } from '@ps/testing';
import { databaseOf, SERVICES, type ServiceName } from '../platform';

/**
 * Every inbox consumer of the platform with the events it applies, written from the published
 * language (not read from the services under test): an event of these types that its producer
 * recorded must end as one inbox row of the consumer.
 */
const views = (reads: Record<string, { type: string; topic: string }>) => Object.values(reads).map(({ type, topic }) => ({ type, topic }));
export const CONSUMERS: ReadonlyArray<{ name: string; service: ServiceName; reads: Array<{ type: string; topic: string }> }> = [
  { name: 'organization.staffing-proposals', service: 'organization', reads: views(proposalApprovalReads) },
  { name: 'personnel.territory', service: 'personnel', reads: views(territoryReads) },
  { name: 'personnel.organizations', service: 'personnel', reads: views(organizationReads) },
  { name: 'personnel.successions', service: 'personnel', reads: views(successionReads) },
  { name: 'personnel.evaluations', service: 'personnel', reads: views(evaluationReads) },
  { name: 'evaluation.territory', service: 'evaluation', reads: views(territoryReads) },
  { name: 'evaluation.disciplines', service: 'evaluation', reads: views(disciplineReads) },
  { name: 'evaluation.personnel', service: 'evaluation', reads: views(ratedPersonnelReads) },
  { name: 'evaluation.organizations', service: 'evaluation', reads: views(ratedOrganizationReads) },
  { name: 'reform.territory', service: 'reform', reads: views(territoryReads) },
  { name: 'reform.successions', service: 'reform', reads: views({ unitsMerged: territoryReads.unitsMerged }) },
  { name: 'reform.proposal-answers', service: 'reform', reads: views(proposalAnswerReads) },
  { name: 'reform.restructurings', service: 'reform', reads: views(reformSuccessionReads) },
  { name: 'reform.organizations', service: 'reform', reads: views(reformOrganizationReads) },
  { name: 'reform.people', service: 'reform', reads: views(reformPersonnelReads) },
];

/** The service whose outbox feeds a topic (`organization.events.v1` → organization). */
const producerOf = (topic: string): ServiceName => topic.split('.')[0] as ServiceName;
const SERVICE_NAMES = SERVICES.map((service) => service.name);

/** Events recorded in some outbox and not yet published, per service (only those recorded before `before`, when given). */
export async function unpublished(before?: Date): Promise<Record<string, number>> {
  const pending: Record<string, number> = {};
  for (const service of SERVICE_NAMES) {
    const [{ n }] = await queryDatabase<{ n: number }>(databaseOf(service),
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND ($1::timestamptz IS NULL OR created_at < $1)', [before?.toISOString() ?? null]);
    pending[service] = n;
  }
  return pending;
}

/**
 * Events a consumer has not applied although their producer recorded them (between `since` and
 * `before`, when given), per consumer: the outbox against the inbox, id by id.
 */
export async function unapplied(window: { since?: Date; before?: Date } = {}): Promise<Record<string, number>> {
  const missing: Record<string, number> = {};
  for (const consumer of CONSUMERS) {
    const expected = new Set<string>();
    for (const producer of new Set(consumer.reads.map((read) => producerOf(read.topic)))) {
      const types = consumer.reads.filter((read) => producerOf(read.topic) === producer).map((read) => read.type);
      const rows = await queryDatabase<{ id: string }>(databaseOf(producer),
        `SELECT id::text FROM outbox WHERE event_type = ANY($1)
            AND ($2::timestamptz IS NULL OR created_at >= $2) AND ($3::timestamptz IS NULL OR created_at < $3)`,
        [types, window.since?.toISOString() ?? null, window.before?.toISOString() ?? null]);
      for (const row of rows) expected.add(row.id);
    }
    if (expected.size === 0) continue;
    const applied = await queryDatabase<{ id: string }>(databaseOf(consumer.service),
      'SELECT event_id::text AS id FROM inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])', [consumer.name, [...expected]]);
    const count = expected.size - applied.length;
    if (count > 0) missing[consumer.name] = count;
  }
  return missing;
}

/** Messages every consumer group has not committed yet, per group (its topics summed). */
export async function consumerLags(bus: EventBus): Promise<Record<string, number>> {
  const lags: Record<string, number> = {};
  for (const consumer of CONSUMERS) {
    let lag = 0;
    for (const topic of new Set(consumer.reads.map((read) => read.topic))) lag += await bus.consumerLag(consumer.name, topic);
    if (lag > 0) lags[consumer.name] = lag;
  }
  return lags;
}

/** Messages on the dead-letter topics: an event no consumer could apply. */
export async function deadLetters(bus: EventBus): Promise<number> {
  let count = 0;
  for (const topic of new Set(CONSUMERS.flatMap((consumer) => consumer.reads.map((read) => deadLetterTopic(read.topic))))) {
    count += (await bus.readAll(topic, 10_000).catch(() => [])).length;
  }
  return count;
}

/** Duplicate inbox rows per consumer and event: what the primary key forbids, counted rather than trusted. */
export async function duplicateInboxRows(): Promise<number> {
  let duplicates = 0;
  for (const service of SERVICE_NAMES) {
    const [{ n }] = await queryDatabase<{ n: number }>(databaseOf(service),
      'SELECT coalesce(sum(copies - 1), 0)::int AS n FROM (SELECT count(*) AS copies FROM inbox GROUP BY consumer, event_id) grouped');
    duplicates += n;
  }
  return duplicates;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/**
 * Waits until every event recorded before `before` (since `since`) is published and applied by
 * every consumer that reads it; answers when that was reached, or throws with what is stuck.
 */
export async function awaitDelivered(window: { since?: Date; before: Date }, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const [pending, missing] = await Promise.all([unpublished(window.before), unapplied(window)]);
    if (total(pending) === 0 && total(missing) === 0) return Date.now();
    last = JSON.stringify({ unpublished: pending, unapplied: missing });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new InvariantViolation(`events recorded before ${window.before.toISOString()} not delivered within ${timeoutMs} ms: ${last}`);
}

export { total };
