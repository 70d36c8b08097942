import { successionReads } from '@ps/contracts';
import type { InboxConsumer } from '@ps/events';
import type { DataSource, EntityManager } from 'typeorm';
import { followPendingSuccessions, lockSuccessionsInto } from './succession.service';

/**
 * Records each succession organization announces (an organization closed by a restructuring,
 * its successor's body named) and carries the members of the closed organization to the
 * successor in the same transaction as the event's inbox row: a redelivery changes nothing.
 * A successor personnel does not know yet is waited for: the succession stays recorded and is
 * followed when the successor's creation arrives, with the same result as in order.
 */
export function followSuccessions(consumer: InboxConsumer): InboxConsumer {
  return consumer.on(successionReads.organizationClosed, async (event, manager) => {
    const { organization, successorId, effectiveDate, reason, decision } = event.payload;
    if (!successorId) return;
    await lockSuccessionsInto(manager, successorId);
    await recordSuccession(manager, { organizationId: organization.id, successorId, effectiveDate, reason, decision });
    await followPendingSuccessions(manager, [organization.id]);
  });
}

interface SuccessionFacts {
  organizationId: string;
  successorId: string;
  effectiveDate: string;
  reason: string;
  decision: { number: string; date: string; signer: string };
}

async function recordSuccession(manager: EntityManager, succession: SuccessionFacts): Promise<void> {
  await manager.query(
    `INSERT INTO organization_succession (organization_id, successor_id, effective_date, reason, decision)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organization_id) DO NOTHING`,
    [succession.organizationId, succession.successorId, succession.effectiveDate, succession.reason, JSON.stringify(succession.decision)],
  );
}

/** Carries everyone still held by an organization that has since passed to a successor (after a seed). */
export function followAllSuccessions(dataSource: DataSource): Promise<number> {
  return dataSource.transaction((manager) => followPendingSuccessions(manager, null));
}
