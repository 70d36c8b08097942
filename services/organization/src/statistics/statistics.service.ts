import type { Principal } from '@ps/auth';
import type { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { territoryGuard, validOn } from '../territory/validity';
import type { Tier } from '../unit/unit.entity';
import type { UnitService } from '../unit/unit.service';
import { FigureChange, UnitStatistics, UnitStatisticsComparison } from './statistics.types';

/** Figures of a unit's subtree on a date, each counted by one guarded SQL query. */
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitService,
  ) {}

  /** Null when the unit is not in force on the date inside the caller's territory. */
  async statistics(principal: Principal, code: string, asOf: string): Promise<UnitStatistics | null> {
    const unit = (await this.units.byCodes(principal, [code], asOf)).get(code);
    if (!unit) return null;
    const [organizationsByKind, unitsByTier, quota] = await Promise.all([
      this.organizationsByKind(principal, unit.path, asOf),
      this.unitsByTier(principal, unit.path, asOf),
      this.quotaTotals(principal, unit.code, unit.path, asOf),
    ]);
    return Object.assign(new UnitStatistics(), { code, asOf, organizationsByKind, unitsByTier, quota });
  }

  async compare(principal: Principal, code: string, from: string, to: string): Promise<UnitStatisticsComparison | null> {
    const [before, after] = await Promise.all([this.statistics(principal, code, from), this.statistics(principal, code, to)]);
    if (!before || !after) return null;
    return Object.assign(new UnitStatisticsComparison(), { from: before, to: after, changes: changesBetween(before, after) });
  }

  private inSubtree<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, path: string, asOf: string) {
    query.andWhere(validOn('unit'), { asOf }).andWhere('unit.path <@ :root::ltree', { root: path });
    return territoryGuard.apply(query, principal, 'unit.path', asOf);
  }

  private async organizationsByKind(principal: Principal, path: string, asOf: string) {
    const query = this.dataSource
      .createQueryBuilder()
      .select('org.kind', 'kind')
      .addSelect('count(*)::int', 'count')
      .from('organization', 'org')
      .innerJoin('administrative_unit', 'unit', 'unit.code = org.unit_code')
      .where(validOn('org'), { asOf })
      .groupBy('org.kind')
      .orderBy('org.kind');
    return this.inSubtree(query, principal, path, asOf).getRawMany<{ kind: string; count: number }>();
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
      .leftJoin('organization', 'org', `quota.holder_kind = 'ORGANIZATION' AND org.id::text = quota.holder_id AND ${validOn('org')}`)
      .innerJoin(
        'administrative_unit',
        'unit',
        `unit.code = CASE WHEN quota.holder_kind = 'UNIT' THEN quota.holder_id ELSE org.unit_code END`,
      )
      .where(validOn('quota'), { asOf, code });
    const row = await this.inSubtree(query, principal, path, asOf).getRawOne<{ unit: number | null; organizations: number; subunits: number }>();
    return row ?? { unit: null, organizations: 0, subunits: 0 };
  }
}

/** Every figure on either date with its change, organizations by kind first. */
export function changesBetween(from: UnitStatistics, to: UnitStatistics): FigureChange[] {
  const figures = (statistics: UnitStatistics) =>
    new Map<string, number>([
      ...statistics.organizationsByKind.map((row) => [`organizations:${row.kind}`, row.count] as const),
      ...statistics.unitsByTier.map((row) => [`units:${row.tier}`, row.count] as const),
      ['quota:unit', statistics.quota.unit ?? 0],
      ['quota:organizations', statistics.quota.organizations],
      ['quota:subunits', statistics.quota.subunits],
    ]);
  const before = figures(from);
  const after = figures(to);
  return [...new Set([...before.keys(), ...after.keys()])].map((figure) =>
    Object.assign(new FigureChange(), {
      figure,
      from: before.get(figure) ?? 0,
      to: after.get(figure) ?? 0,
      change: (after.get(figure) ?? 0) - (before.get(figure) ?? 0),
    }),
  );
}
