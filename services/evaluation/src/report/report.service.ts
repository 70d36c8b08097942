import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RatingLevel } from '../rating/rating.entity';
import type { RuleSubject } from '../rule-set/rule-set.kinds';
import { organizationNameSql } from '../organization/organization.names';
import { territoryGuard } from '../territory/territory.guard';
import { ratedOn } from './rated-evaluations';
import { reportYear, trendYears } from './report.rules';
import { distributionOf, ratingReportOf, type ReportCount, type ReportLeader } from './report.tables';
import { RatingTrendYear, type RatingReport } from './report.types';

/** What a report is asked for: the unit, the year, the date the levels are taken as of, optionally one subject's rules. */
export interface ReportQuery {
  unitCode: string;
  year: number;
  asOf: string;
  subject: RuleSubject | null;
}

/**
 * The unit quality reports: decided evaluations counted by the level in force on a date, at a
 * unit and everything under it, inside the caller's territory (in the SQL), in a few statements.
 */
export class RatingReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** The report of a unit's year: per unit below it, per organization (named as of `asOf`), per head, and totals (four statements). */
  async report(principal: Principal, { unitCode, year, asOf, subject }: ReportQuery): Promise<RatingReport> {
    reportYear(year);
    const manager = this.dataSource.manager;
    const unit = await territoryGuard.unitWithin(manager, principal, unitCode, asOf);
    const rated = () => this.ratedUnder(manager, principal, unit.path, asOf, subject).andWhere('rated.year = :year', { year });
    const [children, counts, leaders] = await Promise.all([
      this.childrenOf(manager, principal, unit.code, asOf),
      rated()
        .select(`CASE WHEN rated."unitCode" = :rowUnit THEN :rowUnit ELSE subpath(rated."unitPath", nlevel(:rowPath::ltree), 1)::text END`, 'rowCode')
        .addSelect('rated."unitCode"', 'unitCode')
        .addSelect('rated."unitName"', 'unitName')
        .addSelect('rated."organizationId"', 'organizationId')
        .addSelect(organizationNameSql('rated."organizationId"', ':namedAsOf'), 'organizationName')
        .addSelect('rated.leader', 'leader')
        .addSelect('rated.level', 'level')
        .addSelect('count(*)::int', 'count')
        .setParameters({ rowUnit: unit.code, rowPath: unit.path, namedAsOf: asOf })
        .groupBy('1, 2, 3, 4, 5, 6, 7')
        .getRawMany<ReportCount>(),
      rated()
        .select('rated."personId"', 'personId')
        .addSelect('rated."fullName"', 'fullName')
        .addSelect('rated."titleCode"', 'titleCode')
        .addSelect('rated."organizationId"', 'organizationId')
        .addSelect('rated.level', 'level')
        .andWhere('rated.leader')
        .orderBy('rated."fullName"')
        .getRawMany<ReportLeader>(),
    ]);
    return ratingReportOf({ unit, children, year, asOf, counts, leaders });
  }

  /** The distribution of each year from `fromYear` to `toYear`, levels as in force on `asOf` (two statements). */
  async trend(principal: Principal, query: Omit<ReportQuery, 'year'> & { fromYear: number; toYear: number }): Promise<RatingTrendYear[]> {
    const years = trendYears(query.fromYear, query.toYear);
    const manager = this.dataSource.manager;
    const unit = await territoryGuard.unitWithin(manager, principal, query.unitCode, query.asOf);
    const counts = await this.ratedUnder(manager, principal, unit.path, query.asOf, query.subject)
      .andWhere('rated.year BETWEEN :fromYear AND :toYear', { fromYear: query.fromYear, toYear: query.toYear })
      .select('rated.year', 'year')
      .addSelect('rated.level', 'level')
      .addSelect('count(*)::int', 'count')
      .groupBy('rated.year')
      .addGroupBy('rated.level')
      .getRawMany<{ year: number; level: RatingLevel; count: number }>();
    return years.map((year) => Object.assign(new RatingTrendYear(), { year, ratings: distributionOf(counts.filter((count) => count.year === year)) }));
  }

  /** Evaluations rated on `asOf` at the unit of `path` or below it (one subject's, when asked). */
  private ratedUnder(manager: EntityManager, principal: Principal, path: string, asOf: string, subject: RuleSubject | null): SelectQueryBuilder<ObjectLiteral> {
    const query = ratedOn(manager, principal, asOf).andWhere('rated."unitPath" <@ :reportPath::ltree', { reportPath: path });
    return subject === null ? query : query.andWhere('rated.subject = :subject', { subject });
  }

  /** The units in force on `asOf` directly below the unit, inside the caller's territory, by name. */
  private childrenOf(manager: EntityManager, principal: Principal, code: string, asOf: string): Promise<Array<{ code: string; name: string }>> {
    const { table, codeColumn, pathColumn } = territoryGuard.source;
    const query = manager
      .createQueryBuilder()
      .select(`child.${codeColumn}`, 'code')
      .addSelect('child.name', 'name')
      .from(table, 'child')
      .where('child.parent_code = :parentCode', { parentCode: code })
      .andWhere(inForceOn('child', ':childAsOf'), { childAsOf: asOf })
      .orderBy('child.name');
    return territoryGuard.apply(query, principal, `child.${pathColumn}`, asOf).getRawMany();
  }
}
