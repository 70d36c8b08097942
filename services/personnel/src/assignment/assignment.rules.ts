import { InvalidAssignmentError, SeatFullError } from './assignment.errors';

/** What of a title the rule reads: the catalogue's row says where the title sits. */
export interface TitlePlace {
  code: string;
  organizationKind: string;
}

/**
 * A title fits an organization of the kind the catalogue places it in (a commune's Party
 * secretary in a Party committee); the catalogue is the rule, this only reads it. The tier is
 * the title catalogue's own check (`requireTitleTier`).
 */
export function requireTitleKind(title: TitlePlace, organizationKind: string): void {
  if (title.organizationKind === organizationKind) return;
  throw new InvalidAssignmentError(
    `Chức danh ${title.code} thuộc loại tổ chức ${title.organizationKind}, không phải ${organizationKind}`,
    `Title ${title.code} sits in a ${title.organizationKind}, not a ${organizationKind}`,
    { reason: 'TITLE_ORGANIZATION_KIND', titleCode: title.code, expected: title.organizationKind, actual: organizationKind },
  );
}

/** A seat as the rule reads it: how many may hold it at once. */
export interface SeatPlaces {
  title: string;
  capacity: number;
}

/** A seat is filled by its own organization's posts only. */
export function requireSeatOfOrganization(seat: { id: string; organizationId: string }, organizationId: string): void {
  if (seat.organizationId === organizationId) return;
  throw new InvalidAssignmentError('Ghế thuộc tổ chức khác', 'The seat belongs to another organization', { reason: 'SEAT_OF_ANOTHER_ORGANIZATION', seatId: seat.id });
}

/** A seat takes another holder while fewer than its capacity hold it on the date. */
export function requireSeatHasRoom(seat: SeatPlaces, holders: number): void {
  if (holders >= seat.capacity) throw new SeatFullError(seat.title, seat.capacity);
}

/** The seat's places on a date: how many are held and how many are vacant (never below zero). */
export function seatPlaces(capacity: number, holders: number): { filled: number; vacant: number } {
  return { filled: holders, vacant: Math.max(0, capacity - holders) };
}

/**
 * Vacancies against the staffing quota (biên chế được giao): the quota less the people holding
 * a primary post (negative when over it); null when no quota was given. Concurrent posts take no
 * place of the quota.
 */
export function vacanciesOf(figures: { quota: number | null; headcount: number } | null): number | null {
  return figures && figures.quota !== null ? figures.quota - figures.headcount : null;
}
