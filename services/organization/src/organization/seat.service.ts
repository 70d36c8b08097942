import { randomUUID } from 'node:crypto';
import type { Principal } from '@ps/auth';
import { SeatChanged } from '@ps/contracts';
import { BadUserInputError } from '@ps/errors';
import { recordEvent } from '@ps/events';
import { groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import type { EffectiveChangeInput } from '../decision/decision.inputs';
import { stampVersion } from './effective-version.entity';
import { dayBefore } from '../territory/validity';
import { closeVersion, nextVersion, openHeldVersion, writeVersions, type VersionWrite } from './effective-version.service';
import { SeatNotFoundError, requiredText } from './organization.errors';
import { changeFactsOf } from '../decision/decision.events';
import { heldInForce } from './organization.scope';
import type { Holder, OrganizationService } from './organization.service';
import { OrganizationSeat } from './seat.entity';
import { seatSnapshot } from './seat.events';
import type { AddSeatInput, ChangeSeatInput } from './seat.inputs';

const TITLE = { vi: 'Chức danh', en: 'Seat title' };

/** Seats of organizations: read as of a date inside the territory; written by officers and admins. */
export class SeatService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
  ) {}

  /** Seats of each organization as of a date (one query per batch). */
  async ofOrganizations(principal: Principal, organizationIds: readonly string[], asOf: string): Promise<Map<string, OrganizationSeat[]>> {
    const seats = await heldInForce(this.dataSource.manager, OrganizationSeat, 'seat', principal, asOf)
      .andWhere('seat.organization_id IN (:...organizationIds)', { organizationIds })
      .orderBy('seat.title')
      .getMany();
    return groupBy(
      seats.map((seat) => stampVersion(seat, asOf)),
      (seat) => seat.organizationId,
    );
  }

  async add(principal: Principal, organizationId: string, input: AddSeatInput): Promise<OrganizationSeat> {
    const title = requiredText(input.title, TITLE);
    checkCapacity(input.capacity);
    return writeVersions(this.dataSource, principal, 'officer', input.change, async (write) => {
      const holder = await this.organizations.holderForWrite(write, organizationId);
      const repository = write.manager.getRepository(OrganizationSeat);
      const seat = repository.create({
        id: randomUUID(),
        organizationId: holder.organization.id,
        title,
        selection: input.selection,
        capacity: input.capacity,
        validFrom: write.change.effectiveDate,
        validTo: null,
        reason: write.change.reason,
        decisionId: write.change.decision.id,
        createdBy: write.actor,
      });
      await repository.insert(seat);
      await announce(write, holder, 'ADDED', seat);
      return stampVersion(seat, write.change.effectiveDate);
    });
  }

  async change(principal: Principal, id: string, input: ChangeSeatInput): Promise<OrganizationSeat> {
    const fields: Partial<OrganizationSeat> = {};
    if (input.title != null) fields.title = requiredText(input.title, TITLE);
    if (input.selection != null) fields.selection = input.selection;
    if (input.capacity != null) fields.capacity = checkCapacity(input.capacity);
    if (Object.keys(fields).length === 0) throw new BadUserInputError('Không có gì để thay đổi', 'Nothing to change');
    return this.onOpenSeat(principal, id, input.change, async (write, seat, holder) => {
      const next = await nextVersion(write, OrganizationSeat, seat, fields);
      await announce(write, holder, 'CHANGED', next);
      return stampVersion(next, write.change.effectiveDate);
    });
  }

  /** Ends a seat on the effective date; answers it as of its last day in force. */
  async close(principal: Principal, id: string, changeInput: EffectiveChangeInput): Promise<OrganizationSeat> {
    return this.onOpenSeat(principal, id, changeInput, async (write, seat, holder) => {
      const closed = await closeVersion(write, OrganizationSeat, seat);
      await announce(write, holder, 'CLOSED', closed);
      return stampVersion(closed, dayBefore(write.change.effectiveDate));
    });
  }

  /** Runs `work` on a seat's open version (locked) once its organization is checked for the date and the territory. */
  private onOpenSeat<T>(
    principal: Principal,
    id: string,
    changeInput: EffectiveChangeInput,
    work: (write: VersionWrite, seat: OrganizationSeat, holder: Holder) => Promise<T>,
  ): Promise<T> {
    return writeVersions(this.dataSource, principal, 'officer', changeInput, async (write) => {
      const held = await openHeldVersion(write, OrganizationSeat, id, (organizationId) =>
        this.organizations.holderForWrite(write, organizationId),
      );
      if (!held) throw new SeatNotFoundError(id);
      return work(write, held.version, held.holder);
    });
  }
}

function checkCapacity(capacity: number): number {
  if (capacity < 1) throw new BadUserInputError('Số người của vị trí phải từ 1 trở lên', 'A seat needs at least one place', { capacity });
  return capacity;
}

function announce(write: VersionWrite, holder: Holder, action: 'ADDED' | 'CHANGED' | 'CLOSED', seat: OrganizationSeat) {
  return recordEvent(
    write.manager,
    SeatChanged,
    { action, organizationId: holder.organization.id, unitCode: holder.unit.code, seat: seatSnapshot(seat), ...changeFactsOf(write.change) },
    { aggregateId: holder.organization.id, unitPath: holder.unit.path, actor: write.actor },
  );
}
