import type { ProductContribution } from './period.score';

/** What the Party's rules read of a year's tasks besides the points: shares on time, exceeding and late. */
export interface TaskShares {
  onTimePercent: number | null;
  exceedingPercent: number | null;
  latePercent: number | null;
}

export const UNKNOWN_SHARES: TaskShares = { onTimePercent: null, exceedingPercent: null, latePercent: null };

const percent = (count: number, of: number) => Math.round((count * 10_000) / of) / 100;

/**
 * The shares of the year's tasks (each expected product of each scored period is one task):
 * on time when it was delivered by its deadline (how much of it counts in the points, not here),
 * exceeding when more than expected was delivered, late when delivered after the deadline.
 * Unknown (null) when no task was expected.
 */
export function taskShares(products: readonly Pick<ProductContribution, 'expectedQuantity' | 'deliveredQuantity' | 'late'>[]): TaskShares {
  if (products.length === 0) return UNKNOWN_SHARES;
  const count = (test: (product: (typeof products)[number]) => boolean) => percent(products.filter(test).length, products.length);
  return {
    onTimePercent: count((product) => product.deliveredQuantity > 0 && !product.late),
    exceedingPercent: count((product) => product.deliveredQuantity > product.expectedQuantity),
    latePercent: count((product) => product.late),
  };
}
