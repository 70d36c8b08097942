import type { GuardedUnit } from '@ps/auth';
import { inForceOn, isStableId, notEndedBy } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import type { OrganizationVersion } from '../organization/organization.lookup';
import type { Title } from '../title/title.entity';
import { requireTitleTier, titleOn } from '../title/title.service';
import { AssignmentNotFoundError } from './assignment.errors';
import { requireSeatHasRoom, requireSeatOfOrganization, requireTitleKind, type SeatPlaces } from './assignment.rules';

/** A seat in force on a date, with its organization and how many hold it (holders not ended by the date, later starts included). */
export interface SeatHeld extends SeatPlaces {
  id: string;
  organizationId: string;
  holders: number;
}

/**
 * The title of a post at an organization on `date`: in force then, of the organization's kind
 * and of its unit's tier; otherwise the typed error why not.
 */
export async function titleOfPost(manager: EntityManager, titleCode: string, organization: OrganizationVersion, unit: GuardedUnit, date: string): Promise<Title> {
  const title = await titleOn(manager, titleCode, date);
  requireTitleKind(title, organization.kind);
  await requireTitleTier(manager, title, unit.code, date);
  return title;
}

/**
 * The seat in force on `date` and how many hold it. Assignments to one seat wait for each other
 * (a transaction lock on the seat), so two cannot take its last place at once.
 */
export async function seatOn(manager: EntityManager, seatId: string, date: string): Promise<SeatHeld> {
  if (!isStableId(seatId)) throw new AssignmentNotFoundError('SEAT', seatId);
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`seat:${seatId}`]);
  const [seat]: SeatHeld[] = await manager.query(
    `SELECT seat.id, seat.organization_id AS "organizationId", seat.title, seat.capacity,
            (SELECT count(*)::int FROM assignment held WHERE held.seat_id = seat.id AND ${notEndedBy('held', '$2')}) AS holders
       FROM organization_seat seat
      WHERE seat.id = $1 AND ${inForceOn('seat', '$2')}`,
    [seatId, date],
  );
  if (!seat) throw new AssignmentNotFoundError('SEAT', seatId);
  return seat;
}

/** The organization's seat in force on `date` with a place left. */
export async function seatWithRoom(manager: EntityManager, seatId: string, organizationId: string, date: string): Promise<{ id: string }> {
  const seat = await seatOn(manager, seatId, date);
  requireSeatOfOrganization(seat, organizationId);
  requireSeatHasRoom(seat, seat.holders);
  return seat;
}
