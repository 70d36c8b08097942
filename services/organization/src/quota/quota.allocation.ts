import { isInForce, type Period } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';

/** A quota holder as the allocation rules see it: `UNIT:720`, `ORGANIZATION:<uuid>`. */
export type HolderKey = string;

/**
 * Where a holder sits during a period: whose quota caps it. A root unit has no ceiling
 * holder (its quota comes from the centre, outside the platform).
 */
export interface Placement extends Period {
  holder: HolderKey;
  ceilingHolder: HolderKey | null;
}

/** One version of a holder's quota. */
export interface QuotaVersion extends Period {
  holder: HolderKey;
  amount: number;
}

/** A holder's new amount, in force from the change's date until `until` (null: open-ended). */
export interface ProposedQuota {
  amount: number;
  until: string | null;
}

/** Everything the rules read: placements and quota versions from the change's date on. */
export interface AllocationScope {
  placements: readonly Placement[];
  quotas: readonly QuotaVersion[];
}

/** Why a set of new amounts is refused, on the first date it would fail. */
export type QuotaBreach =
  | {
      rule: 'CEILING';
      holder: HolderKey;
      requested: number;
      date: string;
      ceilingHolder: HolderKey;
      ceiling: number;
      allocatedToSiblings: number;
    }
  | { rule: 'ALLOCATED'; holder: HolderKey; requested: number; date: string; allocatedToChildren: number };


/** `from` and every later date where something in the scope starts or ends: the sums change only there. */
export function checkDates(scope: AllocationScope, from: string): string[] {
  const dates = new Set([from]);
  for (const period of [...scope.placements, ...scope.quotas]) {
    for (const date of [period.validFrom, period.validTo]) if (date !== null && date > from) dates.add(date);
  }
  return [...dates].sort();
}

/**
 * Checks new amounts (each in force from `from` until its `until`) against both rules on
 * every date from `from` on: the children of a holder never hold more than the holder, and a
 * holder never drops below what it has handed to its children. A missing quota counts as 0.
 */
export function findBreach(
  scope: AllocationScope,
  proposed: ReadonlyMap<HolderKey, ProposedQuota>,
  from: string,
): QuotaBreach | null {
  const quotasOf = groupBy(scope.quotas, (quota) => quota.holder);
  for (const date of checkDates(scope, from)) {
    const active = new Map(
      [...proposed].flatMap(([holder, { amount, until }]) => (until === null || date < until ? [[holder, amount] as const] : [])),
    );
    const amountOf = (holder: HolderKey): number =>
      active.get(holder) ?? quotasOf.get(holder)?.find((quota) => isInForce(quota, date))?.amount ?? 0;
    const breach = breachOn(date, scope.placements.filter((placement) => isInForce(placement, date)), active, amountOf);
    if (breach) return breach;
  }
  return null;
}

function breachOn(
  date: string,
  placed: readonly Placement[],
  active: ReadonlyMap<HolderKey, number>,
  amountOf: (holder: HolderKey) => number,
): QuotaBreach | null {
  const allocatedBy = (ceilingHolder: HolderKey): number =>
    placed.filter((placement) => placement.ceilingHolder === ceilingHolder).reduce((sum, p) => sum + amountOf(p.holder), 0);
  for (const [holder, requested] of active) {
    const allocatedToChildren = allocatedBy(holder);
    if (allocatedToChildren > requested) return { rule: 'ALLOCATED', holder, requested, date, allocatedToChildren };
    const ceilingHolder = placed.find((placement) => placement.holder === holder)?.ceilingHolder;
    if (!ceilingHolder) continue;
    const ceiling = amountOf(ceilingHolder);
    const allocatedToSiblings = allocatedBy(ceilingHolder) - requested;
    if (allocatedToSiblings + requested > ceiling) {
      return { rule: 'CEILING', holder, requested, date, ceilingHolder, ceiling, allocatedToSiblings };
    }
  }
  return null;
}
