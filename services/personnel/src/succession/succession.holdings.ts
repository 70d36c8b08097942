import { AssignmentChanged, PartyMembershipChanged } from '@ps/contracts';
import { emitAcross, reviseEachFromKeyed, type DatedWrite } from '@ps/effective-dating';
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

/** One succession to carry: its own write (audit row, correlation id) and its two sides. */
export interface Carrying {
  write: DatedWrite;
  from: Holder;
  to: Holder;
}

/**
 * Carries, from the writes' date, the Party memberships and the posts held by each `from` to its
 * `to` (a post leaves its seat: the closed organization's seats closed with it), each announced
 * as its owner's event says a move, in its own succession's write. When the successor is in
 * another unit (a merged commune), the e-file of each person whose primary post moved follows
 * it: they serve in the successor's unit from that day (a file already elsewhere then is left
 * alone). The successions share one date, change and transaction; they are carried together,
 * in as many statements for thousands as for one, with what carrying them one after another
 * in the given order leaves. Answers what each carried, in the given order.
 */
export async function carryEachHoldings(successions: readonly Carrying[]): Promise<Carried[]> {
  if (successions.length === 0) return [];
  const lead = successions[0].write;
  const indexOf = new Map(successions.map(({ from }, index) => [from.id, index]));
  const memberships = byIndex(successions.length, await reviseEachFromKeyed(lead, PartyMembership, 'partyOrganizationId',
    new Map(successions.map(({ from, to }) => [from.id, { partyOrganizationId: to.id }]))), (key) => indexOf.get(key));
  const assignments = byIndex(successions.length, await reviseEachFromKeyed(lead, Assignment, 'organizationId',
    new Map(successions.map(({ from, to }) => [from.id, { organizationId: to.id, seatId: null }]))), (key) => indexOf.get(key));
  await emitAcross(PartyMembershipChanged, successions.flatMap(({ write, to }, index) => memberships[index].map((membership) => ({
    write,
    payload: {
      membershipId: membership.id, personId: membership.personId, action: 'TRANSFERRED' as const, partyOrganizationId: to.id,
      unitCode: to.unitCode, endReason: null, ...write.facts,
    },
    place: { aggregateId: membership.id, unitPath: to.path },
  }))));
  await emitAcross(AssignmentChanged, successions.flatMap(({ write, to }, index) => assignments[index].map((assignment) => ({
    write,
    ...assignmentChange(write, { ...assignment, organizationId: to.id, seatId: null }, { code: to.unitCode, path: to.path }, 'MOVED'),
  }))));
  const people = await followPrimaryPosts(successions, assignments);
  return successions.map((_, index) => ({
    memberships: memberships[index].map((membership) => membership.id),
    assignments: assignments[index].map((assignment) => assignment.id),
    people: people[index].map((person) => person.id),
  }));
}

/**
 * Each person whose primary post moved to another unit serves there from the date, unless
 * their file was elsewhere. A person in several successions (a post now, another later) is
 * revised in that order, one round per time they appear.
 */
async function followPrimaryPosts(successions: readonly Carrying[], assignments: ReadonlyArray<readonly Assignment[]>): Promise<Person[][]> {
  const people: Person[][] = successions.map(() => []);
  const rounds: Array<Map<string, number>> = [];
  for (const [index, { from, to }] of successions.entries()) {
    if (from.unitCode === to.unitCode) continue;
    for (const personId of new Set(assignments[index].filter((assignment) => !assignment.concurrent).map((assignment) => assignment.personId))) {
      const round = rounds.find((candidate) => !candidate.has(personId)) ?? rounds[rounds.push(new Map()) - 1];
      round.set(personId, index);
    }
  }
  for (const round of rounds) {
    const revised = await reviseEachFromKeyed(
      successions[0].write,
      Person,
      'id',
      new Map([...round].map(([personId, index]) => [personId, { unitCode: successions[index].to.unitCode }])),
      { property: 'unitCode', value: (personId) => successions[round.get(personId) as number].from.unitCode },
    );
    const found = byIndex(successions.length, revised, (personId) => round.get(personId));
    found.forEach((versions, index) => people[index].push(...versions));
  }
  return people;
}

/** Revised versions shared out to the successions their keys belong to, one row per thing. */
function byIndex<T extends { id: string }>(count: number, revised: ReadonlyArray<{ key: string; version: T }>, indexOfKey: (key: string) => number | undefined): T[][] {
  const shares = Array.from({ length: count }, () => new Map<string, T>());
  for (const { key, version } of revised) shares[indexOfKey(key) as number].set(version.id, version);
  return shares.map((share) => [...share.values()]);
}
