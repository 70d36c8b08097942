import { OrganizationClosed, OrganizationCreated, OrganizationMoved } from '@ps/contracts';
import { closeVersions, reviseEachFrom, type DatedWrite } from '@ps/effective-dating';
import { foldText } from '@ps/service-kit';
import { announceDuty, closeDutiesOf } from '../duty/duty.service';
import type { Holder } from './organization.access';
import { Organization, organizationLabel } from './organization.entity';
import { organizationSnapshot } from './organization.events';
import { announce as announceSeat, closeSeatsOf } from './seat.service';

/**
 * The organization table's owner writes for everything that closes or moves organizations:
 * the closeOrganization mutation and restructurings use the same functions, so an organization
 * ended or moved by a merger emits the same events as one ended or moved directly.
 */

/**
 * Closes open organizations on the write's date with their seats and duties; announces each,
 * naming the body that takes over its members and staff when a restructuring gave one.
 */
export async function closeOrganizations(
  write: DatedWrite,
  holders: readonly Holder[],
  successors: ReadonlyMap<string, string> = new Map(),
): Promise<Organization[]> {
  if (holders.length === 0) return [];
  const seats = await closeSeatsOf(write, holders);
  const duties = await closeDutiesOf(write, holders);
  const closed = await closeVersions(write, Organization, holders.map((holder) => holder.organization), organizationLabel);
  // One outbox statement for every closing (a national load closes tens of thousands).
  const envelopes = await write.emitMany(OrganizationClosed, holders.map(({ organization, unit }, index) => ({
    payload: {
      organization: organizationSnapshot(closed[index]),
      closedSeats: (seats.get(organization.id) ?? []).map((seat) => seat.id),
      closedDuties: (duties.get(organization.id) ?? []).map((duty) => duty.id),
      successorId: successors.get(organization.id) ?? null,
      ...write.facts,
    },
    place: { aggregateId: organization.id, unitPath: unit.path },
  })));
  // Held things are announced after the closing that caused them.
  for (const [index, holder] of holders.entries()) {
    for (const duty of duties.get(holder.organization.id) ?? []) await announceDuty(write, holder, 'CLOSED', duty, envelopes[index].id);
    for (const seat of seats.get(holder.organization.id) ?? []) await announceSeat(write, holder, 'CLOSED', seat, envelopes[index].id);
  }
  return closed;
}

/** Where a restructuring carries one organization: to a unit, under a parent (or none). */
export interface OrganizationMove {
  organization: Organization;
  unitCode: string;
  unitPath: string;
  parentId: string | null;
}

/**
 * Carries organizations from the write's date on: the version in force that day splits there,
 * later versions follow in place; announces each with OrganizationMoved. All in a few
 * statements (a national load moves thousands).
 */
export async function moveOrganizations(write: DatedWrite, moves: readonly OrganizationMove[]): Promise<Organization[]> {
  if (moves.length === 0) return [];
  const revised = await reviseEachFrom(write, Organization, 'id', new Map(moves.map((move) => [move.organization.id, { unitCode: move.unitCode, parentId: move.parentId }])));
  // The first version from the date of each organization is the one its move announces.
  const firstOf = new Map<string, Organization>();
  for (const version of revised) if (!firstOf.has(version.id)) firstOf.set(version.id, version);
  const moved = moves.map((move) => firstOf.get(move.organization.id) as Organization);
  await write.emitMany(OrganizationMoved, moves.map((move, index) => ({
    payload: { previous: organizationSnapshot(move.organization), organization: organizationSnapshot(moved[index]), ...write.facts },
    place: { aggregateId: move.organization.id, unitPath: move.unitPath },
  })));
  return moved;
}

/** An organization recorded with its own start date (seeds that tell a story from 1999 on). */
export interface OrganizationRow {
  id: string;
  unitCode: string;
  parentId: string | null;
  kind: Organization['kind'];
  subtype: Organization['subtype'];
  base: Organization['base'];
  name: string;
  validFrom: string;
}

/** Inserts organizations in one statement, each from its own date, and announces each with OrganizationCreated. */
export async function insertOrganizationVersions(write: DatedWrite, rows: readonly OrganizationRow[], unitPaths: ReadonlyMap<string, string>): Promise<number> {
  if (rows.length === 0) return 0;
  await write.manager.query(
    `INSERT INTO organization (id, unit_code, parent_id, kind, subtype, base, name, search_name, valid_from, reason, decision_id, created_by)
     SELECT id, unit_code, parent_id, kind, subtype, base, name, search_name, valid_from, $10, $11, $12
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[])
         AS row(id, unit_code, parent_id, kind, subtype, base, name, search_name, valid_from)`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.unitCode),
      rows.map((row) => row.parentId),
      rows.map((row) => row.kind),
      rows.map((row) => row.subtype),
      rows.map((row) => row.base),
      rows.map((row) => row.name),
      rows.map((row) => foldText(row.name)),
      rows.map((row) => row.validFrom),
      write.change.reason,
      write.change.decision.id,
      write.actor.userId,
    ],
  );
  const facts = write.facts;
  await write.emitMany(
    OrganizationCreated,
    rows.map((row) => ({
      payload: { organization: organizationSnapshot(Object.assign(new Organization(), { ...row, validTo: null })), ...facts, effectiveDate: row.validFrom },
      place: { aggregateId: row.id, unitPath: unitPaths.get(row.unitCode) ?? null },
    })),
  );
  return rows.length;
}
