import type { Principal } from '@ps/auth';
import { inForceOn, isStableId, stampAsOf } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import type { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { Assignment } from './assignment.entity';

/** The staff figures of a unit (with everything below it) or an organization on a date. */
export interface StaffFigures {
  /** People holding any assignment. */
  staff: number;
  /** People holding a primary assignment. */
  headcount: number;
  /** The staffing quota of the organizations counted, null when none of them has one. */
  quota: number | null;
  /** Concurrent assignments (kiêm nhiệm). */
  concurrentPosts: number;
}

type FiguresRow = StaffFigures & { key: string };

/** The figures' columns over the joined `assignment` rows, and the quota from `quotaSql`. */
function selectFigures(query: SelectQueryBuilder<ObjectLiteral>, key: string, quotaSql: string): SelectQueryBuilder<ObjectLiteral> {
  return query
    .select(key, 'key')
    .addSelect('count(DISTINCT assignment.person_id)::int', 'staff')
    .addSelect('(count(DISTINCT assignment.person_id) FILTER (WHERE NOT assignment.concurrent))::int', 'headcount')
    .addSelect('(count(assignment.version_id) FILTER (WHERE assignment.concurrent))::int', 'concurrentPosts')
    .addSelect(`(${quotaSql})::int`, 'quota');
}

const byKey = (rows: FiguresRow[]) => new Map(rows.map(({ key, ...figures }) => [key, figures]));

/** Staff figures counted in SQL: one statement per batch of units or organizations. */
export class StaffCounts {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Figures on `asOf` of the organizations of each unit and every unit below it, for units in
   * force that day inside the caller's territory then; other units are left out.
   */
  async ofUnits(principal: Principal, unitCodes: readonly string[], asOf: string): Promise<Map<string, StaffFigures>> {
    const quota = `SELECT sum(quota.amount) FROM organization_quota quota
        JOIN organization held ON held.id = quota.organization_id AND ${inForceOn('held', ':asOf')}
        JOIN territory_unit place ON place.code = held.unit_code AND ${inForceOn('place', ':asOf')}
       WHERE place.path <@ unit.path AND ${inForceOn('quota', ':asOf')}`;
    const query = territoryGuard
      .unitsOn(this.dataSource.manager, principal, unitCodes, asOf)
      .leftJoin('territory_unit', 'below', `below.path <@ unit.path AND ${inForceOn('below', ':asOf')}`, { asOf })
      .leftJoin('organization', 'organization', `organization.unit_code = below.code AND ${inForceOn('organization', ':asOf')}`)
      .leftJoin(Assignment, 'assignment', `assignment.organization_id = organization.id AND ${inForceOn('assignment', ':asOf')}`)
      .groupBy('unit.code')
      .addGroupBy('unit.path');
    return byKey(await selectFigures(query, 'unit.code', quota).getRawMany<FiguresRow>());
  }

  /**
   * Figures on `asOf` of each organization in force that day in a unit inside the caller's
   * territory then; other organizations are left out.
   */
  async ofOrganizations(principal: Principal, ids: readonly string[], asOf: string): Promise<Map<string, StaffFigures>> {
    const organizationIds = ids.filter(isStableId);
    if (organizationIds.length === 0) return new Map();
    const quota = `SELECT quota.amount FROM organization_quota quota WHERE quota.organization_id = organization.id AND ${inForceOn('quota', ':asOf')}`;
    const query = this.dataSource.manager
      .createQueryBuilder()
      .from('organization', 'organization')
      .leftJoin(Assignment, 'assignment', `assignment.organization_id = organization.id AND ${inForceOn('assignment', ':asOf')}`)
      .where('organization.id IN (:...organizationIds)', { organizationIds })
      .andWhere(inForceOn('organization', ':asOf'), { asOf });
    territoryGuard.joinUnitOn(query, principal, 'organization.unit_code', asOf).groupBy('organization.id');
    return byKey(await selectFigures(query, 'organization.id', quota).getRawMany<FiguresRow>());
  }

  /**
   * The assignments in force on `asOf` of each organization in force that day in a unit inside
   * the caller's territory then, by title; one statement per batch.
   */
  async heldIn(principal: Principal, ids: readonly string[], asOf: string): Promise<Map<string, Assignment[]>> {
    const organizationIds = ids.filter(isStableId);
    if (organizationIds.length === 0) return new Map();
    const query = this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('assignment')
      .innerJoin('organization', 'organization', `organization.id = assignment.organization_id AND ${inForceOn('organization', ':asOf')}`)
      .where('assignment.organization_id IN (:...organizationIds)', { organizationIds })
      .andWhere(inForceOn('assignment', ':asOf'), { asOf });
    const assignments = await territoryGuard
      .joinUnitOn(query, principal, 'organization.unit_code', asOf)
      .orderBy('assignment.title_code')
      .addOrderBy('assignment.valid_from')
      .getMany();
    return groupBy(assignments.map((assignment) => stampAsOf(assignment, asOf)), (assignment) => assignment.organizationId);
  }
}
