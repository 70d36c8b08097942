import { SeatChanged } from '@ps/contracts';
import { randomUUID } from 'node:crypto';
import { requireCapability, type Principal } from '@ps/auth';
import {
  closeHeldBy,
  closeVersion,
  dayBefore,
  insertVersion,
  nextVersion,
  requiredText,
  stampAsOf,
  writeDated,
  type DatedWrite,
  type EffectiveChangeInput,
} from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';
import { groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { heldForWrite, holderForWrite, type Holder } from './organization.access';
import { organizationLabel, type Organization } from './organization.entity';
import { InvalidOrganizationError, NothingToChangeError } from './organization.errors';
import { organizationRulesOn } from './organization.rules';
import { heldInForce } from './organization.scope';
import { OrganizationSeat } from './seat.entity';
import { seatSnapshot } from './seat.events';
import type { AddSeatInput, ChangeSeatInput } from './seat.inputs';

const TITLE = { vi: 'Chức danh', en: 'Seat title' };
type SeatAction = 'ADDED' | 'CHANGED' | 'CLOSED';

/** Seats of organizations: read as of a date inside the territory; written by officers and admins. */
export class SeatService {
  constructor(private readonly dataSource: DataSource) {}

  /** Seats of each organization as of a date (one query per batch). */
  async ofOrganizations(principal: Principal, organizationIds: readonly string[], asOf: string): Promise<Map<string, OrganizationSeat[]>> {
    const seats = await heldInForce(this.dataSource.manager, OrganizationSeat, 'seat', principal, asOf)
      .andWhere('seat.organization_id IN (:...organizationIds)', { organizationIds })
      .orderBy('seat.title')
      .getMany();
    return groupBy(
      seats.map((seat) => stampAsOf(seat, asOf)),
      (seat) => seat.organizationId,
    );
  }

  async add(principal: Principal, organizationId: string, input: AddSeatInput): Promise<OrganizationSeat> {
    requireCapability(principal, 'officer');
    const title = requiredText(input.title, TITLE);
    checkCapacity(input.capacity);
    return writeDated(this.dataSource, { actor: principal, operation: 'addSeat', change: input.change }, async (write) => {
      const holder = await holderForWrite(write, principal, organizationId);
      refuseSeatsOf(holder.organization);
      const seat = await insertVersion(write, OrganizationSeat, {
        id: randomUUID(),
        organizationId: holder.organization.id,
        title,
        selection: input.selection,
        capacity: input.capacity,
      });
      about(write, holder, seat).after(seatSnapshot(seat));
      await announce(write, holder, 'ADDED', seat);
      return stampAsOf(seat, write.date);
    });
  }

  async change(principal: Principal, id: string, input: ChangeSeatInput): Promise<OrganizationSeat> {
    requireCapability(principal, 'officer');
    const fields: Partial<OrganizationSeat> = {};
    if (input.title != null) fields.title = requiredText(input.title, TITLE);
    if (input.selection != null) fields.selection = input.selection;
    if (input.capacity != null) fields.capacity = checkCapacity(input.capacity);
    if (Object.keys(fields).length === 0) throw new NothingToChangeError();
    return this.onOpenSeat(principal, id, { operation: 'changeSeat', change: input.change }, async (write, seat, holder) => {
      about(write, holder, seat).before(seatSnapshot(seat));
      const next = await nextVersion(write, OrganizationSeat, seat, fields, seatLabel(seat, holder.organization));
      write.after(seatSnapshot(next));
      await announce(write, holder, 'CHANGED', next);
      return stampAsOf(next, write.date);
    });
  }

  /** Ends a seat on the effective date; answers it as of its last day in force. */
  async close(principal: Principal, id: string, change: EffectiveChangeInput): Promise<OrganizationSeat> {
    requireCapability(principal, 'officer');
    return this.onOpenSeat(principal, id, { operation: 'closeSeat', change }, async (write, seat, holder) => {
      about(write, holder, seat).before(seatSnapshot(seat));
      const closed = await closeVersion(write, OrganizationSeat, seat, seatLabel(seat, holder.organization));
      write.after(seatSnapshot(closed));
      await announce(write, holder, 'CLOSED', closed);
      return stampAsOf(closed, dayBefore(write.date));
    });
  }

  /** Runs `work` on a seat's open version, locked once its organization passed the territory check for the date. */
  private onOpenSeat<T>(
    principal: Principal,
    id: string,
    request: { operation: string; change: EffectiveChangeInput },
    work: (write: DatedWrite, seat: OrganizationSeat, holder: Holder) => Promise<T>,
  ): Promise<T> {
    return writeDated(this.dataSource, { actor: principal, ...request }, async (write) => {
      const { version, holder } = await heldForWrite(write, principal, OrganizationSeat, id, {
        noun: { vi: 'vị trí', en: 'seat' },
        label: (seat, owner) => seatLabel(seat, owner.organization),
      });
      return work(write, version, holder);
    });
  }
}

/**
 * Closes, as the owner of `organization_seat`, the seats of organizations a write closes, on
 * its date; returns them by organization for the caller to announce after the closing itself.
 */
export async function closeSeatsOf(write: DatedWrite, holders: readonly Holder[]): Promise<Map<string, OrganizationSeat[]>> {
  const label = holders.length === 1 ? organizationLabel(holders[0].organization) : `${holders.length} tổ chức`;
  const closed = await closeHeldBy(write, OrganizationSeat, 'organization_id', holders.map((holder) => holder.organization.id), label);
  return groupBy(closed, (seat) => seat.organizationId);
}

/** A Party organization's seats (secretary, members) belong to its committee, which it elects. */
function refuseSeatsOf(organization: Organization): void {
  if (organizationRulesOn(organization.validFrom).kinds[organization.kind].holdsSeats) return;
  throw new InvalidOrganizationError(
    `${organizationLabel(organization)} không có vị trí trực tiếp: vị trí thuộc cấp ủy do tổ chức này bầu ra`,
    `${organizationLabel(organization)} holds no seats itself: seats belong to the committee it elects`,
    { kind: organization.kind },
  );
}

function checkCapacity(capacity: number): number {
  if (capacity < 1 || capacity > 1000) {
    throw new BadUserInputError('Số người của vị trí phải từ 1 đến 1000', 'A seat needs between 1 and 1000 places', { capacity });
  }
  return capacity;
}

function seatLabel(seat: OrganizationSeat, organization: Organization): string {
  return `${seat.title} – ${organizationLabel(organization)}`;
}

function about(write: DatedWrite, holder: Holder, seat: OrganizationSeat): DatedWrite {
  return write.about({
    type: 'OrganizationSeat',
    id: seat.id,
    label: seatLabel(seat, holder.organization),
    unitCode: holder.unit.code,
    unitPaths: [holder.unit.path],
  });
}

/** SeatChanged, keyed by the organization; `causationId` when the organization's own event caused it. */
export function announce(write: DatedWrite, holder: Holder, action: SeatAction, seat: OrganizationSeat, causationId?: string) {
  return write.emit(
    SeatChanged,
    { action, organizationId: holder.organization.id, unitCode: holder.unit.code, seat: seatSnapshot(seat), ...write.facts },
    { aggregateId: holder.organization.id, unitPath: holder.unit.path, causationId },
  );
}
