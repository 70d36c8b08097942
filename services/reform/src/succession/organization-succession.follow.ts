import type { EntityManager } from 'typeorm';
import { InvariantViolation } from '@ps/errors';
import { notEndedBy } from '@ps/effective-dating';
import { OPEN_PROPOSAL_STATUSES } from '../proposal/proposal.kinds';
import { moveProposalsOfOrganization } from '../proposal/proposal.succession';
import { reassignTasks } from '../task/task.succession';
import type { OrganizationSuccession } from './restructuring.change';
import { MAX_CHAIN, RESTRUCTURING_FOLLOWER } from './unit-succession.follow';

/**
 * Follows closings in their events' order, leaving what {@link followOrganizationSuccession} on
 * each would. A reorganisation closes tens of thousands of bodies that hold no task and no open
 * proposal: when none of them holds one (at any date), no follow can move anything, so recording
 * the successions in one statement is all there is; otherwise each is followed in turn.
 */
export async function followOrganizationSuccessions(manager: EntityManager, successions: readonly OrganizationSuccession[]): Promise<void> {
  if (successions.length === 0) return;
  if (!(await holdAnyWork(manager, successions.map((succession) => succession.organizationId)))) {
    await recordOrganizationSuccessions(manager, successions);
    return;
  }
  for (const succession of successions) await followOrganizationSuccession(manager, succession);
}

/**
 * Records an organization passing to a successor body, then reassigns the tasks and open
 * proposals it still holds to the successor, following the successor's own later succession
 * too (closings of two organizations may arrive in either order).
 */
async function followOrganizationSuccession(manager: EntityManager, succession: OrganizationSuccession): Promise<void> {
  await recordOrganizationSuccessions(manager, [succession]);
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

/** Records each organization's first succession; a later one for the same organization changes nothing. */
async function recordOrganizationSuccessions(manager: EntityManager, successions: readonly OrganizationSuccession[]): Promise<void> {
  await manager.query(
    `INSERT INTO reform_organization_succession (organization_id, successor_id, effective_date, reason, decision)
     SELECT DISTINCT ON (organization_id) organization_id, successor_id, effective_date, reason, decision
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::jsonb[]) WITH ORDINALITY
            AS recorded (organization_id, successor_id, effective_date, reason, decision, position)
      ORDER BY organization_id, position
     ON CONFLICT (organization_id) DO NOTHING`,
    [
      successions.map((succession) => succession.organizationId),
      successions.map((succession) => succession.successorId),
      successions.map((succession) => succession.effectiveDate),
      successions.map((succession) => succession.change.reason),
      successions.map((succession) => JSON.stringify(succession.change.decision)),
    ],
  );
}

/** Whether any of the organizations is named by a task (of any date) or holds an open proposal. */
async function holdAnyWork(manager: EntityManager, ids: readonly string[]): Promise<boolean> {
  const [{ holds }]: Array<{ holds: boolean }> = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM reform_task WHERE organization_ids && $1::uuid[])
         OR EXISTS (SELECT 1 FROM staffing_proposal WHERE organization_id = ANY($1::uuid[]) AND status = ANY($2::text[])) AS holds`,
    [ids, [...OPEN_PROPOSAL_STATUSES]],
  );
  return holds;
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
