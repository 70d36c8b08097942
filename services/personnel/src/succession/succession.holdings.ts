import { AssignmentChanged, PartyMembershipChanged } from '@ps/contracts';
import { reviseFrom, type DatedWrite } from '@ps/effective-dating';
import { Assignment } from '../assignment/assignment.entity';
import { assignmentChange } from '../assignment/assignment.events';
import { PartyMembership } from '../party/party-membership.entity';
import { Person } from '../person/person.entity';

/** An organization on one side of a succession, with its unit then. */
export interface Holder {
  id: string;
  name: string;
  unitCode: string;
  path: string | null;
}

/** The tables whose rows belong to an organization and follow it to its successor. */
export const HELD_BY_ORGANIZATION = [
  { table: 'party_membership', column: 'party_organization_id' },
  { table: 'assignment', column: 'organization_id' },
] as const;

/** What one succession carried. */
export interface Carried {
  memberships: string[];
  assignments: string[];
  /** People whose e-file followed their primary post to the successor's unit. */
  people: string[];
}

/**
 * Carries, from the write's date, the Party memberships and the posts held by `from` to `to`
 * (a post leaves its seat: the closed organization's seats closed with it), each announced as
 * its owner's event says a move. When the successor is in another unit (a merged commune), the
 * e-file of each person whose primary post moved follows it: they serve in the successor's unit
 * from that day (a file already elsewhere then is left alone).
 */
export async function carryHoldings(write: DatedWrite, from: Holder, to: Holder): Promise<Carried> {
  const memberships = distinct(await reviseFrom(write, PartyMembership, { property: 'partyOrganizationId', value: from.id }, { partyOrganizationId: to.id }));
  const assignments = distinct(await reviseFrom(write, Assignment, { property: 'organizationId', value: from.id }, { organizationId: to.id, seatId: null }));
  await write.emitMany(PartyMembershipChanged, memberships.map((membership) => ({
    payload: {
      membershipId: membership.id, personId: membership.personId, action: 'TRANSFERRED' as const, partyOrganizationId: to.id,
      unitCode: to.unitCode, endReason: null, ...write.facts,
    },
    place: { aggregateId: membership.id, unitPath: to.path },
  })));
  await write.emitMany(AssignmentChanged, assignments.map((assignment) =>
    assignmentChange(write, { ...assignment, organizationId: to.id, seatId: null }, { code: to.unitCode, path: to.path }, 'MOVED')));
  const primaryHolders = [...new Set(assignments.filter((assignment) => !assignment.concurrent).map((assignment) => assignment.personId))];
  const people = from.unitCode === to.unitCode
    ? []
    : distinct(await reviseFrom(write, Person, { property: 'id', value: primaryHolders }, { unitCode: to.unitCode }, { property: 'unitCode', value: from.unitCode }));
  return {
    memberships: memberships.map((membership) => membership.id),
    assignments: assignments.map((assignment) => assignment.id),
    people: people.map((person) => person.id),
  };
}

/** One row per thing: a thing whose later versions were revised appears once. */
function distinct<T extends { id: string }>(versions: readonly T[]): T[] {
  return [...new Map(versions.map((version) => [version.id, version])).values()];
}
