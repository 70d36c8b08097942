import { dayBefore, EffectiveVersion, inForceOn, notEndedBy, systemActor, versionOn, writeDatedEachIn, type DatedWrite } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import { InvariantViolation } from '@ps/errors';
import type { EntityManager, EntityTarget } from 'typeorm';
import { carryEachHoldings, HELD_BY_ORGANIZATION, type Holder } from './succession.holdings';

const FOLLOWER = systemActor('personnel.succession');
/** Successions chain (merged in 2025, merged again later); a longer chain is a cycle. */
const MAX_CHAIN = 16;

interface PendingSuccession {
  organizationId: string;
  successorId: string;
  effectiveDate: string;
  reason: string;
  decision: { number: string; date: string; signer: string };
}

/**
 * Carries the Party members and the posts still held by organizations that have passed to a
 * successor (of the given organizations and their successors, or everywhere when
 * `organizationIds` is null): one recorded transfer per succession, citing the restructuring's
 * decision, so each moves exactly once however often this runs. Returns how many moved.
 */
export async function followPendingSuccessions(manager: EntityManager, organizationIds: readonly string[] | null): Promise<number> {
  let moved = 0;
  let scope = organizationIds;
  for (let step = 0; step < MAX_CHAIN; step += 1) {
    const pending = await pendingSuccessions(manager, scope);
    if (pending.length === 0) return moved;
    const sides = await sidesOf(manager, pending);
    const steps = pending.map((succession, index) => ({ succession, sides: sides[index] }));
    for (const together of groupBy(steps, ({ succession }) => changeKey(succession)).values()) moved += await follow(manager, together);
    scope = scope === null ? null : pending.map((succession) => succession.successorId);
  }
  throw new InvariantViolation(`organization successions chain beyond ${MAX_CHAIN} steps`);
}

/**
 * Successions whose closed organization still holds a member or a post from its closing date on
 * and whose successor is known in force then, oldest first. A closing can reach personnel before
 * its successor's creation (another key, another partition, another consumer): it waits,
 * recorded, and is followed when the successor's version is stored (`followSuccessionsInto`).
 */
function pendingSuccessions(manager: EntityManager, organizationIds: readonly string[] | null): Promise<PendingSuccession[]> {
  const stillHeld = HELD_BY_ORGANIZATION.map(({ table, column }) =>
    `EXISTS (SELECT 1 FROM ${table} held WHERE held.${column} = s.organization_id AND ${notEndedBy('held', 's.effective_date')})`);
  return manager.query(
    `SELECT s.organization_id AS "organizationId", s.successor_id AS "successorId", s.effective_date::text AS "effectiveDate", s.reason, s.decision
       FROM organization_succession s
      WHERE ($1::uuid[] IS NULL OR s.organization_id = ANY($1::uuid[])) AND (${stillHeld.join(' OR ')})
        AND EXISTS (SELECT 1 FROM organization successor WHERE successor.id = s.successor_id AND ${inForceOn('successor', 's.effective_date')})
      ORDER BY s.effective_date, s.organization_id`,
    [organizationIds],
  );
}

/** The organizations on either side of a succession. */
interface SuccessionSides {
  from: Holder;
  to: Holder;
}

/** Successions of one date, reason and decision: carried together, each its own recorded transfer. */
const changeKey = ({ effectiveDate, reason, decision }: PendingSuccession): string => JSON.stringify([effectiveDate, reason, decision.number, decision.date, decision.signer]);

/**
 * Carries successions of one change together (`changeKey`): one audit row per succession (its
 * organization, members, posts and people, its own correlation id on its events), written in
 * as many statements for a national reorganisation's thousands as for one.
 */
function follow(manager: EntityManager, together: ReadonlyArray<{ succession: PendingSuccession; sides: SuccessionSides }>): Promise<number> {
  const { effectiveDate, reason, decision } = together[0].succession;
  const request = { actor: FOLLOWER, operation: 'followSuccession', change: { effectiveDate, reason, decision } };
  return writeDatedEachIn(manager, request, together.length, async (writes) => {
    const carried = await carryEachHoldings(together.map(({ sides }, index) => ({ write: writes[index], ...sides })));
    let moved = 0;
    for (const [index, { sides: { from, to } }] of together.entries()) {
      const { memberships, assignments, people } = carried[index];
      writes[index]
        .about({ type: 'Organization', id: from.id, label: `Đảng viên, cán bộ ${from.name} → ${to.name}`, unitCode: to.unitCode, unitPaths: paths(from, to) })
        .before({ organizationId: from.id, unitCode: from.unitCode, members: memberships.length, posts: assignments.length, people: people.length })
        .after({ organizationId: to.id, unitCode: to.unitCode, membershipIds: memberships, assignmentIds: assignments, personIds: people });
      moved += memberships.length + assignments.length;
    }
    return moved;
  });
}

/**
 * Each succession's closed organization as it was the day before and its successor from the
 * date, with their units' paths then, in one query for all: following carries holdings and never
 * changes an organization, so they hold for every succession of the step.
 */
async function sidesOf(manager: EntityManager, successions: readonly PendingSuccession[]): Promise<SuccessionSides[]> {
  const wanted = successions.flatMap((succession) => [
    { id: succession.organizationId, date: dayBefore(succession.effectiveDate) },
    { id: succession.successorId, date: succession.effectiveDate },
  ]);
  const found: Array<Holder & { position: string }> = await manager.query(
    `SELECT wanted.position, po.id, po.name, po.unit_code AS "unitCode", tu.path::text AS path
       FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS wanted (id, as_of, position)
       JOIN organization po ON po.id = wanted.id AND ${inForceOn('po', 'wanted.as_of')}
       LEFT JOIN territory_unit tu ON tu.code = po.unit_code AND ${inForceOn('tu', 'wanted.as_of')}`,
    [wanted.map((holder) => holder.id), wanted.map((holder) => holder.date)],
  );
  const byPosition = new Map(found.map(({ position, ...holder }) => [Number(position) - 1, holder]));
  const holder = (index: number): Holder => {
    const organization = byPosition.get(index);
    if (!organization) throw new InvariantViolation(`organization ${wanted[index].id} is not projected as in force on ${wanted[index].date}`);
    return organization;
  };
  return successions.map((_, index) => ({ from: holder(2 * index), to: holder(2 * index + 1) }));
}

/**
 * Follows the successions waiting for any of `successorIds`, now that versions of them are
 * stored: the organization projection calls this in the transaction that stores them.
 */
export async function followSuccessionsInto(manager: EntityManager, successorIds: readonly string[]): Promise<number> {
  await lockSuccessionsInto(manager, successorIds);
  const waiting: Array<{ id: string }> = await manager.query(
    'SELECT organization_id AS id FROM organization_succession WHERE successor_id = ANY($1::uuid[])',
    [successorIds],
  );
  if (waiting.length === 0) return 0;
  return followPendingSuccessions(manager, waiting.map((succession) => succession.id));
}

/**
 * Serialises a closing naming a successor with the storing of that successor: they arrive
 * through two consumers, and without the lock each could commit without seeing the other's
 * row, leaving the succession waiting for ever. Whichever comes second sees the first. The
 * successors of a batch are locked in one statement, in the order of their lock keys (two ids
 * may share one), so two batches sharing successors queue rather than deadlock.
 */
export async function lockSuccessionsInto(manager: EntityManager, successorIds: readonly string[]): Promise<void> {
  if (successorIds.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtext('organization_succession'), successor.key)
       FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest($1::text[]) AS id ORDER BY key) AS successor`,
    [successorIds],
  );
}

function paths(...organizations: Holder[]): string[] {
  return organizations.flatMap((organization) => (organization.path ? [organization.path] : []));
}

/**
 * A membership or post written with a date before its organization passed to a successor (a
 * back-dated admission or assignment) follows that succession at once, in the same transaction,
 * as those held then did: the version as of the write's date, with the end the succession gave it.
 */
export async function followingSuccessions<T extends EffectiveVersion>(write: DatedWrite, target: EntityTarget<T>, version: T, organizationId: string): Promise<T> {
  if ((await followPendingSuccessions(write.manager, [organizationId])) === 0) return version;
  return (await versionOn(write.manager, target, version.id, write.date)) ?? version;
}
