import type { Principal } from '@ps/auth';
import type { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import type { OrganizationKind } from '../organization/organization.entity';
import type { AdministrativeUnit, Tier } from '../unit/unit.entity';
import { FigureChange, Measure, UnitStatistics, UnitStatisticsComparison } from './statistics.types';
import { inForceOn } from '@ps/effective-dating';

/** Figures of a unit's subtree on a date, each counted by one guarded SQL query. */
export class StatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The figures of a unit the caller may see on the date (its access already resolved). */
  async statistics(principal: Principal, unit: AdministrativeUnit, asOf: string): Promise<UnitStatistics> {
    const code = unit.code;
    const [organizationsByKind, unitsByTier, quota] = await Promise.all([
      this.organizationsByKind(principal, unit.path, asOf),
      this.unitsByTier(principal, unit.path, asOf),
      this.quotaTotals(principal, unit.code, unit.path, asOf),
    ]);
    return Object.assign(new UnitStatistics(), { code, asOf, organizationsByKind, unitsByTier, quota });
  }

  async compare(principal: Principal, then: AdministrativeUnit, now: AdministrativeUnit, from: string, to: string): Promise<UnitStatisticsComparison> {
    const [before, after] = await Promise.all([this.statistics(principal, then, from), this.statistics(principal, now, to)]);
    return Object.assign(new UnitStatisticsComparison(), { from: before, to: after, changes: changesBetween(before, after) });
  }

  private inSubtree<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, path: string, asOf: string) {
    query.andWhere(inForceOn('unit', ':asOf'), { asOf }).andWhere('unit.path <@ :root::ltree', { root: path });
    return territoryGuard.apply(query, principal, 'unit.path', asOf);
  }

  private async organizationsByKind(principal: Principal, path: string, asOf: string) {
    const query = this.dataSource
      .createQueryBuilder()
      .select('org.kind', 'kind')
      .addSelect('count(*)::int', 'count')
      .from('organization', 'org')
      .innerJoin('administrative_unit', 'unit', 'unit.code = org.unit_code')
      .where(inForceOn('org', ':asOf'), { asOf })
      .groupBy('org.kind')
      .orderBy('org.kind');
    return this.inSubtree(query, principal, path, asOf).getRawMany<{ kind: OrganizationKind; count: number }>();
  }

  private async unitsByTier(principal: Principal, path: string, asOf: string) {
    const query = this.dataSource
      .createQueryBuilder()
      .select('unit.tier', 'tier')
      .addSelect('count(*)::int', 'count')
      .from('administrative_unit', 'unit')
      .where('unit.path <> :root::ltree', { root: path })
      .groupBy('unit.tier')
      .orderBy('unit.tier');
    return this.inSubtree(query, principal, path, asOf).getRawMany<{ tier: Tier; count: number }>();
  }

  private async quotaTotals(principal: Principal, code: string, path: string, asOf: string) {
    const query = this.dataSource
      .createQueryBuilder()
      .select(`sum(quota.amount) FILTER (WHERE quota.holder_kind = 'UNIT' AND unit.code = :code)::int`, 'unit')
      .addSelect(`coalesce(sum(quota.amount) FILTER (WHERE quota.holder_kind = 'ORGANIZATION'), 0)::int`, 'organizations')
      .addSelect(
        `coalesce(sum(quota.amount) FILTER (WHERE quota.holder_kind = 'UNIT' AND unit.parent_code = :code), 0)::int`,
        'subunits',
      )
      .from('staffing_quota', 'quota')
      .leftJoin('organization', 'org', `quota.holder_kind = 'ORGANIZATION' AND org.id::text = quota.holder_id AND ${inForceOn('org', ':asOf')}`)
      .innerJoin(
        'administrative_unit',
        'unit',
        `unit.code = CASE WHEN quota.holder_kind = 'UNIT' THEN quota.holder_id ELSE org.unit_code END`,
      )
      .where(inForceOn('quota', ':asOf'), { asOf, code });
    const row = await this.inSubtree(query, principal, path, asOf).getRawOne<{ unit: number | null; organizations: number; subunits: number }>();
    return row ?? { unit: null, organizations: 0, subunits: 0 };
  }
}

/** Every figure on either date with its change, organizations by kind first. */
export function changesBetween(from: UnitStatistics, to: UnitStatistics): FigureChange[] {
  type Figure = Pick<FigureChange, 'measure' | 'organizationKind' | 'tier'> & { value: number };
  const figures = (statistics: UnitStatistics): Figure[] => [
    ...statistics.organizationsByKind.map((row) => ({ measure: Measure.ORGANIZATIONS, organizationKind: row.kind, tier: null, value: row.count })),
    ...statistics.unitsByTier.map((row) => ({ measure: Measure.UNITS, organizationKind: null, tier: row.tier, value: row.count })),
    { measure: Measure.UNIT_QUOTA, organizationKind: null, tier: null, value: statistics.quota.unit ?? 0 },
    { measure: Measure.ORGANIZATION_QUOTAS, organizationKind: null, tier: null, value: statistics.quota.organizations },
    { measure: Measure.SUBUNIT_QUOTAS, organizationKind: null, tier: null, value: statistics.quota.subunits },
  ];
  const keyOf = (figure: Figure) => `${figure.measure}:${figure.organizationKind ?? ''}:${figure.tier ?? ''}`;
  const before = new Map(figures(from).map((figure) => [keyOf(figure), figure]));
  const after = new Map(figures(to).map((figure) => [keyOf(figure), figure]));
  return [...new Set([...before.keys(), ...after.keys()])].map((key) => {
    const { measure, organizationKind, tier } = (before.get(key) ?? after.get(key)) as Figure;
    const [then, now] = [before.get(key)?.value ?? 0, after.get(key)?.value ?? 0];
    return Object.assign(new FigureChange(), { measure, organizationKind, tier, from: then, to: now, change: now - then });
  });
}
