import type { Principal } from '@ps/auth';
import { inForceOn, notEndedBy } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import type { AllocationScope, HolderKey, Placement, QuotaVersion } from './quota.allocation';
import { QuotaHolderKind } from './quota.entity';

/** A holder's latest quota version: open, or closed when its holder's unit ceased to exist. */
export interface LatestQuota {
  id: string;
  amount: number;
  validFrom: string;
  validTo: string | null;
}

/** What the allocation rules read for a change, read under the change's locks. */
export interface LockedScope extends AllocationScope {
  latest: Map<HolderKey, LatestQuota>;
}

const idsOf = (keys: readonly HolderKey[], kind: QuotaHolderKind): string[] =>
  keys.filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1));

/**
 * Locks and reads what changing `holders` from `from` on can affect: the holders, their
 * ceiling holders and the children of both. Locks are taken before any quota is read and
 * in one global order, so two changes that touch a common sum run one after the other and
 * the second sees the first's result.
 */
export async function lockAllocationScope(
  manager: EntityManager,
  principal: Principal,
  holders: readonly HolderKey[],
  from: string,
): Promise<LockedScope> {
  const own = await placements(manager, principal, from, holders, 'self');
  const ceilings = own.flatMap((placement) => (placement.ceilingHolder ? [placement.ceilingHolder] : []));
  const parents = [...new Set([...holders, ...ceilings])];
  await lockQuotaHolders(manager, parents);
  const children = await placements(manager, principal, from, parents, 'children');
  const unique = new Map([...own, ...children].map((placement) => [`${placement.holder}@${placement.validFrom}`, placement]));
  const involved = [...new Set([...parents, ...children.map((placement) => placement.holder)])];
  const latest = await lockLatestQuotas(manager, parents);
  return { placements: [...unique.values()], quotas: await quotaVersionsFrom(manager, involved, from), latest };
}

/**
 * Transaction-scoped advisory locks, one per holder, taken in the order of their lock
 * numbers (not of their names, so two names sharing a hash cannot deadlock), all in one
 * statement: the sorted subquery feeds the locking projection row by row. They also cover
 * holders that have no quota row yet. Any other writer of `staffing_quota` should take them
 * for the holders it touches.
 */
export async function lockQuotaHolders(manager: EntityManager, holders: readonly HolderKey[]): Promise<void> {
  if (holders.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtext('staffing_quota'), lock)
       FROM (SELECT DISTINCT hashtext(holder) AS lock FROM unnest($1::text[]) AS holder ORDER BY lock) AS locks`,
    [holders],
  );
}

/** Which rows a placement query takes: the holders themselves, or their children. */
const PLACEMENT_FILTER = {
  self: { unit: 'unit.code = ANY(:unitIds)', org: 'org.id = ANY(CAST(:orgIds AS uuid[]))' },
  children: {
    unit: 'unit.parent_code = ANY(:unitIds)',
    // An organization's children are its sub-organizations; a unit's are its top-level organizations.
    org: '(org.parent_id = ANY(CAST(:orgIds AS uuid[])) OR (org.parent_id IS NULL AND org.unit_code = ANY(:unitIds)))',
  },
};

/** Versions of `table` in force on `from` or later, as placements: holder, ceiling holder, period. */
function placementQuery(manager: EntityManager, table: string, alias: string, holder: string, ceilingHolder: string) {
  return manager
    .createQueryBuilder()
    .select(holder, 'holder')
    .addSelect(ceilingHolder, 'ceilingHolder')
    .addSelect(`${alias}.valid_from::text`, 'validFrom')
    .addSelect(`${alias}.valid_to::text`, 'validTo')
    .from(table, alias)
    .where(notEndedBy(alias, ':from'));
}

/** Placements from `from` on of the holders themselves, or of their children, inside the caller's territory. */
async function placements(
  manager: EntityManager,
  principal: Principal,
  from: string,
  holders: readonly HolderKey[],
  relation: keyof typeof PLACEMENT_FILTER,
): Promise<Placement[]> {
  const guard = territoryGuard.condition(principal, 'unit.path', from);
  const parameters = {
    ...guard.parameters,
    from,
    unitIds: idsOf(holders, QuotaHolderKind.UNIT),
    orgIds: idsOf(holders, QuotaHolderKind.ORGANIZATION),
  };
  const units = placementQuery(
    manager,
    'administrative_unit',
    'unit',
    "'UNIT:' || unit.code",
    "CASE WHEN unit.parent_code IS NULL THEN NULL ELSE 'UNIT:' || unit.parent_code END",
  )
    .andWhere(PLACEMENT_FILTER[relation].unit)
    .andWhere(guard.sql)
    .setParameters(parameters);
  const organizations = placementQuery(
    manager,
    'organization',
    'org',
    "'ORGANIZATION:' || org.id",
    "CASE WHEN org.parent_id IS NULL THEN 'UNIT:' || org.unit_code ELSE 'ORGANIZATION:' || org.parent_id END",
  )
    .andWhere(PLACEMENT_FILTER[relation].org)
    .andWhere(`EXISTS (SELECT 1 FROM administrative_unit unit WHERE unit.code = org.unit_code AND ${guard.sql})`)
    .setParameters(parameters);
  return [...(await units.getRawMany<Placement>()), ...(await organizations.getRawMany<Placement>())];
}

const HOLDERS_IN = '(holder_kind, holder_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))';

function holderColumns(holders: readonly HolderKey[]): [string[], string[]] {
  const split = holders.map((key) => [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]);
  return [split.map(([kind]) => kind), split.map(([, id]) => id)];
}

/** Quota versions of the holders in force on `from` or later. */
async function quotaVersionsFrom(manager: EntityManager, holders: readonly HolderKey[], from: string): Promise<QuotaVersion[]> {
  return manager.query(
    `SELECT holder_kind || ':' || holder_id AS holder, amount, valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM staffing_quota WHERE ${HOLDERS_IN} AND ${notEndedBy('', '$3')}`,
    [...holderColumns(holders), from],
  );
}

/** Row-locks the holders' latest versions (against writers that skip the advisory locks) and returns them. */
async function lockLatestQuotas(manager: EntityManager, holders: readonly HolderKey[]): Promise<Map<HolderKey, LatestQuota>> {
  const rows: Array<LatestQuota & { holder: HolderKey }> = await manager.query(
    `SELECT id, holder_kind || ':' || holder_id AS holder, amount,
            valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM staffing_quota quota
      WHERE ${HOLDERS_IN}
        AND valid_from = (SELECT max(later.valid_from) FROM staffing_quota later
                           WHERE later.holder_kind = quota.holder_kind AND later.holder_id = quota.holder_id)
      ORDER BY holder_kind, holder_id FOR UPDATE`,
    holderColumns(holders),
  );
  return new Map(rows.map(({ holder, ...current }) => [holder, current]));
}

/** Each holder's quota version in force on `date` (for passing it on when the holder ceases). */
export async function quotasInForce(manager: EntityManager, holders: readonly HolderKey[], date: string): Promise<Map<HolderKey, LatestQuota>> {
  if (holders.length === 0) return new Map();
  const rows: Array<LatestQuota & { holder: HolderKey }> = await manager.query(
    `SELECT id, holder_kind || ':' || holder_id AS holder, amount, valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM staffing_quota WHERE ${HOLDERS_IN} AND ${inForceOn('', '$3')}`,
    [...holderColumns(holders), date],
  );
  return new Map(rows.map(({ holder, ...quota }) => [holder, quota]));
}
