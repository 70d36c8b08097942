import { InvalidAssignmentError, SeatFullError } from './assignment.errors';

/** What of a title the rule reads: the catalogue's row says where the title sits. */
export interface TitlePlace {
  code: string;
  tier: string;
  organizationKind: string;
}

/**
 * A title fits an organization when the catalogue places it in organizations of that kind at
 * the tier of the organization's unit (a commune's Party secretary in a commune's Party
 * committee); the catalogue is the rule, this only reads it.
 */
export function requireTitleFits(title: TitlePlace, organizationKind: string, unitTier: string): void {
  if (title.organizationKind !== organizationKind) {
    throw new InvalidAssignmentError(
      `Chức danh ${title.code} thuộc loại tổ chức ${title.organizationKind}, không phải ${organizationKind}`,
      `Title ${title.code} sits in a ${title.organizationKind}, not a ${organizationKind}`,
      { reason: 'TITLE_ORGANIZATION_KIND', titleCode: title.code, expected: title.organizationKind, actual: organizationKind },
    );
  }
  if (title.tier !== unitTier) {
    throw new InvalidAssignmentError(
      `Chức danh ${title.code} thuộc cấp ${title.tier}, đơn vị thuộc cấp ${unitTier}`,
      `Title ${title.code} sits at the ${title.tier} tier, the unit is at the ${unitTier} tier`,
      { reason: 'TITLE_TIER', titleCode: title.code, expected: title.tier, actual: unitTier },
    );
  }
}

/** A seat as the rule reads it: how many may hold it at once. */
export interface SeatPlaces {
  title: string;
  capacity: number;
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
