import type { EntityManager } from 'typeorm';
import { InvariantViolation } from '@ps/errors';
import { notEndedBy } from '@ps/effective-dating';
import { OPEN_PROPOSAL_STATUSES } from '../proposal/proposal.kinds';
import { moveProposalsOfOrganization } from '../proposal/proposal.succession';
import { reassignTasks } from '../task/task.succession';
import type { OrganizationSuccession } from './restructuring.change';
import { MAX_CHAIN, RESTRUCTURING_FOLLOWER } from './unit-succession.follow';

/**
 * Records an organization passing to a successor body, then reassigns the tasks and open
 * proposals it still holds to the successor, following the successor's own later succession
 * too (closings of two organizations may arrive in either order).
 */
export async function followOrganizationSuccession(manager: EntityManager, succession: OrganizationSuccession): Promise<void> {
  await manager.query(
    `INSERT INTO reform_organization_succession (organization_id, successor_id, effective_date, reason, decision)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organization_id) DO NOTHING`,
    [succession.organizationId, succession.successorId, succession.effectiveDate, succession.change.reason, JSON.stringify(succession.change.decision)],
  );
  let scope = [succession.organizationId];
  for (let step = 0; step < MAX_CHAIN; step += 1) {
    const pending = await pendingOrganizationSuccessions(manager, scope);
    if (pending.length === 0) return;
    for (const next of pending) {
      await reassignTasks(manager, RESTRUCTURING_FOLLOWER, next);
      await moveProposalsOfOrganization(manager, RESTRUCTURING_FOLLOWER, next);
    }
    scope = pending.map((next) => next.successorId);
  }
  throw new InvariantViolation(`organization successions chain beyond ${MAX_CHAIN} steps`);
}

/** Successions of the given organizations that still hold a task from that date on, or an open proposal; oldest first. */
async function pendingOrganizationSuccessions(manager: EntityManager, ids: readonly string[]): Promise<OrganizationSuccession[]> {
  const rows: Array<Omit<OrganizationSuccession, 'change'> & Pick<OrganizationSuccession['change'], 'reason' | 'decision'>> = await manager.query(
    `SELECT s.organization_id::text AS "organizationId", s.successor_id::text AS "successorId", s.effective_date::text AS "effectiveDate", s.reason, s.decision
       FROM reform_organization_succession s
      WHERE s.organization_id = ANY($1::uuid[])
        AND (EXISTS (SELECT 1 FROM reform_task task WHERE s.organization_id = ANY(task.organization_ids) AND ${notEndedBy('task', 's.effective_date')})
          OR EXISTS (SELECT 1 FROM staffing_proposal proposal WHERE proposal.organization_id = s.organization_id AND proposal.status = ANY($2::text[])))
      ORDER BY s.effective_date, s.organization_id`,
    [ids, [...OPEN_PROPOSAL_STATUSES]],
  );
  return rows.map(({ reason, decision, ...row }) => ({ ...row, change: { effectiveDate: row.effectiveDate, reason, decision } }));
}
