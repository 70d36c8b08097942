import { PartyMembershipChanged } from '@ps/contracts';
import { dayBefore, inForceOn, notEndedBy, reviseFrom, systemActor, writeDatedIn, type DatedWrite } from '@ps/effective-dating';
import { InvariantViolation } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { PartyMembership } from '../party/party-membership.entity';

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

interface HeldBy {
  id: string;
  name: string;
  unitCode: string;
  path: string | null;
}

/**
 * Carries the members still held by organizations that have passed to a successor (of the given
 * organizations and their successors, or everywhere when `organizationIds` is null): one
 * recorded transfer per succession, citing the restructuring's decision, so each member moves
 * exactly once however often this runs. Returns how many memberships moved.
 */
export async function followPendingSuccessions(manager: EntityManager, organizationIds: readonly string[] | null): Promise<number> {
  let moved = 0;
  let scope = organizationIds;
  for (let step = 0; step < MAX_CHAIN; step += 1) {
    const pending = await pendingSuccessions(manager, scope);
    if (pending.length === 0) return moved;
    for (const succession of pending) moved += await follow(manager, succession);
    scope = scope === null ? null : pending.map((succession) => succession.successorId);
  }
  throw new InvariantViolation(`organization successions chain beyond ${MAX_CHAIN} steps`);
}

/** Successions whose closed organization still holds members from its closing date on, oldest first. */
function pendingSuccessions(manager: EntityManager, organizationIds: readonly string[] | null): Promise<PendingSuccession[]> {
  return manager.query(
    `SELECT s.organization_id AS "organizationId", s.successor_id AS "successorId", s.effective_date::text AS "effectiveDate", s.reason, s.decision
       FROM organization_succession s
      WHERE ($1::uuid[] IS NULL OR s.organization_id = ANY($1::uuid[]))
        AND EXISTS (SELECT 1 FROM party_membership m WHERE m.party_organization_id = s.organization_id AND ${notEndedBy('m', 's.effective_date')})
      ORDER BY s.effective_date, s.organization_id`,
    [organizationIds],
  );
}

function follow(manager: EntityManager, succession: PendingSuccession): Promise<number> {
  const { effectiveDate, reason, decision } = succession;
  return writeDatedIn(manager, { actor: FOLLOWER, operation: 'followSuccession', change: { effectiveDate, reason, decision } }, async (write) => {
    const from = await heldBy(manager, succession.organizationId, dayBefore(effectiveDate));
    const to = await heldBy(manager, succession.successorId, effectiveDate);
    const revised = await reviseFrom(write, PartyMembership, { property: 'partyOrganizationId', value: from.id }, { partyOrganizationId: to.id });
    const members = [...new Map(revised.map((membership) => [membership.id, membership])).values()];
    write
      .about({ type: 'PartyOrganization', id: from.id, label: `Đảng viên ${from.name} → ${to.name}`, unitCode: to.unitCode, unitPaths: paths(from, to) })
      .before({ partyOrganizationId: from.id, members: members.length })
      .after({ partyOrganizationId: to.id, membershipIds: members.map((membership) => membership.id) });
    await announce(write, members, to);
    return members.length;
  });
}

/** A Party organization in force on the date with its unit's path then; the successor may not be projected yet (retried). */
async function heldBy(manager: EntityManager, id: string, date: string): Promise<HeldBy> {
  const [organization]: HeldBy[] = await manager.query(
    `SELECT po.id, po.name, po.unit_code AS "unitCode", tu.path::text AS path
       FROM organization po
       LEFT JOIN territory_unit tu ON tu.code = po.unit_code AND ${inForceOn('tu', '$2')}
      WHERE po.id = $1 AND ${inForceOn('po', '$2')}`,
    [id, date],
  );
  if (!organization) throw new InvariantViolation(`Party organization ${id} is not projected as in force on ${date}`);
  return organization;
}

function paths(...organizations: HeldBy[]): string[] {
  return organizations.flatMap((organization) => (organization.path ? [organization.path] : []));
}

async function announce(write: DatedWrite, members: readonly PartyMembership[], to: HeldBy): Promise<void> {
  await write.emitMany(
    PartyMembershipChanged,
    members.map((membership) => ({
      payload: {
        membershipId: membership.id, personId: membership.personId, action: 'TRANSFERRED' as const, partyOrganizationId: to.id,
        unitCode: to.unitCode, endReason: null, ...write.facts,
      },
      place: { aggregateId: membership.id, unitPath: to.path },
    })),
  );
}
