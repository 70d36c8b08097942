import { successionReads } from '@ps/contracts';
import { inForceOn } from '@ps/effective-dating';
import type { InboxConsumer } from '@ps/events';
import type { DataSource, EntityManager } from 'typeorm';
import { followPendingSuccessions, lockSuccessionsInto } from './succession.service';

/**
 * Records each succession organization announces (an organization closed by a restructuring,
 * its successor's body named) and carries the members of the closed organization to the
 * successor in the same transaction as the event's inbox row: a redelivery changes nothing.
 * A successor personnel does not know yet is waited for: the succession stays recorded and is
 * followed when the successor's creation arrives, with the same result as in order. A run of
 * closings is recorded and followed together: a national reorganisation closes tens of
 * thousands of bodies, most holding nobody, so statements per closing would dominate.
 */
export function followSuccessions(consumer: InboxConsumer): InboxConsumer {
  return consumer.onBatch([successionReads.organizationClosed], async (events, manager) => {
    const successions = events.flatMap(({ payload }) => {
      const { organization, successorId, effectiveDate, reason, decision } = payload;
      return successorId ? [{ organizationId: organization.id, successorId, effectiveDate, reason, decision }] : [];
    });
    if (successions.length === 0) return;
    await lockSuccessionsInto(manager, await recordSuccessions(manager, successions));
    await followPendingSuccessions(manager, successions.map((succession) => succession.organizationId));
  });
}

interface SuccessionFacts {
  organizationId: string;
  successorId: string;
  effectiveDate: string;
  reason: string;
  decision: { number: string; date: string; signer: string };
}

/**
 * Records the successions (a closing announced again keeps the one first recorded, within a run
 * as across runs) and answers the successors that must be locked before following them
 * (`lockSuccessionsInto`): those of a succession recorded before, and those not yet stored as in
 * force on the succession's date. A successor already stored in force needs no lock: the
 * projection's transaction that stored it has committed, and no later one can see this
 * transaction's new row before it commits, so neither side can miss the other. In a national
 * reorganisation every successor is known before its closings arrive, and the follower no
 * longer queues behind the projection's batches that store new versions of the same successors.
 */
async function recordSuccessions(manager: EntityManager, successions: readonly SuccessionFacts[]): Promise<string[]> {
  const toLock: Array<{ successorId: string }> = await manager.query(
    `WITH run AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS run (organization_id, successor_id, effective_date, reason, decision, position)
     ), recorded AS (
       INSERT INTO organization_succession (organization_id, successor_id, effective_date, reason, decision)
       SELECT organization_id, successor_id, effective_date, reason, decision FROM run ORDER BY position
       ON CONFLICT (organization_id) DO NOTHING
       RETURNING organization_id, successor_id, effective_date
     )
     SELECT DISTINCT run.successor_id AS "successorId"
       FROM run LEFT JOIN recorded ON recorded.organization_id = run.organization_id
      WHERE recorded.organization_id IS NULL
         OR NOT EXISTS (SELECT 1 FROM organization successor WHERE successor.id = recorded.successor_id AND ${inForceOn('successor', 'recorded.effective_date')})`,
    [
      successions.map((succession) => succession.organizationId),
      successions.map((succession) => succession.successorId),
      successions.map((succession) => succession.effectiveDate),
      successions.map((succession) => succession.reason),
      successions.map((succession) => JSON.stringify(succession.decision)),
    ],
  );
  return toLock.map(({ successorId }) => successorId);
}

/** Carries everyone still held by an organization that has since passed to a successor (after a seed). */
export function followAllSuccessions(dataSource: DataSource): Promise<number> {
  return dataSource.transaction((manager) => followPendingSuccessions(manager, null));
}
