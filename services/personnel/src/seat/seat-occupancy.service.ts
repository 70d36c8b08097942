import type { Principal } from '@ps/auth';
import { inForceOn, isStableId } from '@ps/effective-dating';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { seatPlaces } from '../assignment/assignment.rules';
import { territoryGuard } from '../territory/territory.guard';
import type { SeatHolder, SeatOccupancy } from './seat-occupancy.type';

type SeatRow = Omit<SeatOccupancy, 'filled' | 'vacant'> & { startedOn: string; lastLeftOn: string | null };

/** Seats of organizations as projected from organization, with personnel's holders: one statement per question. */
export class SeatOccupancyService {
  constructor(private readonly dataSource: DataSource) {}

  /** The seats of an organization in force on `asOf`, when it lay inside the caller's territory that day. */
  async ofOrganization(principal: Principal, organizationId: string, asOf: string): Promise<SeatOccupancy[]> {
    if (!isStableId(organizationId)) return [];
    const query = this.seats(principal, asOf).andWhere('seat.organization_id = :organizationId', { organizationId });
    return occupancies(await query.getRawMany<SeatRow>());
  }

  /** The seats with a vacant place on `asOf` in the unit and every unit below it, inside the caller's territory. */
  async vacantIn(principal: Principal, unitCode: string, asOf: string): Promise<SeatOccupancy[]> {
    const query = this.seats(principal, asOf)
      .andWhere(`place.path <@ (SELECT asked.path FROM territory_unit asked WHERE asked.code = :unitCode AND ${inForceOn('asked', ':asOf')})`, { unitCode })
      .having('count(holder.version_id) < seat.capacity');
    return occupancies(await query.getRawMany<SeatRow>());
  }

  /** Seats in force on `asOf` of organizations in force then, in units inside the territory, each with its holders that day. */
  private seats(principal: Principal, asOf: string): SelectQueryBuilder<ObjectLiteral> {
    const holder = `json_build_object('assignmentId', holder.id, 'personId', holder.person_id, 'fullName', person.full_name,
      'titleCode', holder.title_code, 'concurrent', holder.concurrent, 'since', holder.valid_from::text)`;
    const query = this.dataSource.manager
      .createQueryBuilder()
      .from('organization_seat', 'seat')
      .innerJoin('organization', 'organization', `organization.id = seat.organization_id AND ${inForceOn('organization', ':asOf')}`, { asOf })
      .leftJoin('assignment', 'holder', `holder.seat_id = seat.id AND ${inForceOn('holder', ':asOf')}`)
      .leftJoin('person', 'person', `person.id = holder.person_id AND ${inForceOn('person', ':asOf')}`)
      .where(inForceOn('seat', ':asOf'));
    return territoryGuard
      .joinUnitOn(query, principal, 'organization.unit_code', asOf, 'place')
      .select('seat.id', 'seatId')
      .addSelect('seat.organization_id', 'organizationId')
      .addSelect('organization.name', 'organizationName')
      .addSelect('organization.unit_code', 'unitCode')
      .addSelect(['seat.title AS title', 'seat.selection AS selection', 'seat.capacity AS capacity'])
      .addSelect(`coalesce(json_agg(${holder} ORDER BY holder.valid_from) FILTER (WHERE holder.version_id IS NOT NULL), '[]')`, 'holders')
      .addSelect('(SELECT min(first.valid_from)::text FROM organization_seat first WHERE first.id = seat.id)', 'startedOn')
      .addSelect('(SELECT max(gone.valid_to)::text FROM assignment gone WHERE gone.seat_id = seat.id AND gone.valid_to <= :asOf)', 'lastLeftOn')
      .groupBy('seat.id')
      .addGroupBy('seat.valid_from')
      .addGroupBy('organization.id')
      .addGroupBy('organization.valid_from')
      .orderBy('organization.unit_code')
      .addOrderBy('organization.name')
      .addOrderBy('seat.title');
  }
}

/** The places of each seat, and since when one is vacant: the last holder's leaving, or the seat's start. */
function occupancies(rows: SeatRow[]): SeatOccupancy[] {
  return rows.map(({ startedOn, lastLeftOn, ...seat }) => {
    const holders: SeatHolder[] = seat.holders;
    const places = seatPlaces(seat.capacity, holders.length);
    const since = lastLeftOn && lastLeftOn > startedOn ? lastLeftOn : startedOn;
    return { ...seat, ...places, holders, vacantSince: places.vacant > 0 ? since : null };
  });
}
