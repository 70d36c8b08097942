import type { SeatVersion } from '@ps/contracts';
import type { OrganizationSeat } from './seat.entity';

/** A seat version as the contracts carry it (SeatChanged). */
export function seatSnapshot(seat: OrganizationSeat): SeatVersion {
  const { id, title, selection, capacity, validFrom, validTo } = seat;
  return { id, title, selection, capacity, validFrom, validTo };
}
