import { inForceOn, isStableId, notEndedBy } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { AssignmentNotFoundError, InvalidAssignmentError } from './assignment.errors';
import { requireSeatHasRoom } from './assignment.rules';

/**
 * The organization's seat in force on `date` with a place left: holders not ended by the date
 * (later starts included) are fewer than its capacity. Assignments to one seat wait for each
 * other (a transaction lock on the seat), so two cannot take its last place at once.
 */
export async function seatWithRoom(manager: EntityManager, seatId: string, organizationId: string, date: string): Promise<{ id: string }> {
  if (!isStableId(seatId)) throw new AssignmentNotFoundError('SEAT', seatId);
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`seat:${seatId}`]);
  const rows: Array<{ id: string; organizationId: string; title: string; capacity: number; holders: number }> = await manager.query(
    `SELECT seat.id, seat.organization_id AS "organizationId", seat.title, seat.capacity,
            (SELECT count(*)::int FROM assignment held WHERE held.seat_id = seat.id AND ${notEndedBy('held', '$2')}) AS holders
       FROM organization_seat seat
      WHERE seat.id = $1 AND ${inForceOn('seat', '$2')}`,
    [seatId, date],
  );
  if (rows.length === 0) throw new AssignmentNotFoundError('SEAT', seatId);
  if (rows[0].organizationId !== organizationId) {
    throw new InvalidAssignmentError('Ghế thuộc tổ chức khác', 'The seat belongs to another organization', { reason: 'SEAT_OF_ANOTHER_ORGANIZATION', seatId });
  }
  requireSeatHasRoom(rows[0], rows[0].holders);
  return rows[0];
}
