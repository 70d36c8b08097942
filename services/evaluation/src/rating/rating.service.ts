import type { Principal } from '@ps/auth';
import { isStableId } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { ratedOn } from '../report/rated-evaluations';
import { territoryGuard } from '../territory/territory.guard';
import type { RatingLevel } from './rating.entity';
import type { RatingCount } from './rating.summary';

type CountRow = { key: string; year: number | null; level: RatingLevel | null; count: number };

/** The decided evaluations counted per year and level, for the federated summaries of units and organizations. */
export class RatingService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Evaluations rated on `asOf` (their level in force that day) at each unit asked and the units
   * below it, per year and level, in one query; a unit not in force that day, or outside the
   * caller's territory, is left out (a unit seen with nothing rated gets an empty list).
   */
  async countsOfUnits(principal: Principal, unitCodes: readonly string[], asOf: string): Promise<Map<string, RatingCount[]>> {
    const rated = ratedOn(this.dataSource.manager, principal, asOf);
    const rows = await territoryGuard
      .unitsOn(this.dataSource.manager, principal, unitCodes, asOf)
      .select('unit.code', 'key')
      .addSelect('rated.year', 'year')
      .addSelect('rated.level', 'level')
      .addSelect('count(rated.id)::int', 'count')
      .leftJoin(`(${rated.getQuery()})`, 'rated', 'rated."unitPath" <@ unit.path')
      .setParameters(rated.getParameters())
      .groupBy('unit.code')
      .addGroupBy('rated.year')
      .addGroupBy('rated.level')
      .getRawMany<CountRow>();
    return countsByKey(rows);
  }

  /**
   * Evaluations rated on `asOf` of the staff of each organization asked, per year and level, in
   * one query, counting only those whose unit lay inside the caller's territory; an
   * organization with none of those is left out (evaluation keeps no other trace of it).
   */
  async countsOfOrganizations(principal: Principal, ids: readonly string[], asOf: string): Promise<Map<string, RatingCount[]>> {
    const organizationIds = ids.filter(isStableId);
    if (organizationIds.length === 0) return new Map();
    const rows = await ratedOn(this.dataSource.manager, principal, asOf)
      .select('rated."organizationId"', 'key')
      .addSelect('rated.year', 'year')
      .addSelect('rated.level', 'level')
      .addSelect('count(rated.id)::int', 'count')
      .andWhere('rated."organizationId" IN (:...organizationIds)', { organizationIds })
      .groupBy('rated."organizationId"')
      .addGroupBy('rated.year')
      .addGroupBy('rated.level')
      .getRawMany<CountRow>();
    return countsByKey(rows);
  }
}

/** Rows per key; a key joined to nothing (a unit with nothing rated) is seen with an empty list. */
function countsByKey(rows: readonly CountRow[]): Map<string, RatingCount[]> {
  const counts = new Map<string, RatingCount[]>();
  for (const { key, year, level, count } of rows) {
    const ofKey = counts.get(key) ?? [];
    if (year !== null && level !== null) ofKey.push({ year, level, count });
    counts.set(key, ofKey);
  }
  return counts;
}
