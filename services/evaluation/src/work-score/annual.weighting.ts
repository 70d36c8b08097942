import { InvariantViolation } from '@ps/errors';
import { daysIn, type CyclePeriod } from '../cycle/cycle.period';

/** One period score of a person, wherever it was earned. */
export interface ScoredPeriod extends CyclePeriod {
  cycleId: string;
  unitCode: string;
  points: number;
  leaveDays: number;
}

export interface WeightedPeriod extends ScoredPeriod {
  daysWorked: number;
}

export interface AnnualWeighting {
  /** Null when no day of the year was worked in a scored period. */
  points: number | null;
  daysWorked: number;
  periods: WeightedPeriod[];
}

/**
 * A person's annual score: the mean of the period scores weighted by the days actually worked in
 * each (the period's days less the leave entered for it). Scores belong to the person: periods
 * earned in an agency left mid-year count as those of the new one.
 */
export function annualWeighting(periods: readonly ScoredPeriod[]): AnnualWeighting {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  sorted.forEach((period, index) => {
    if (index > 0 && period.from <= sorted[index - 1].to) throw new InvariantViolation(`period scores overlap: ${sorted[index - 1].cycleId}, ${period.cycleId}`);
  });
  const weighted = sorted.map((period) => ({ ...period, daysWorked: Math.max(daysIn(period) - period.leaveDays, 0) }));
  const daysWorked = weighted.reduce((sum, period) => sum + period.daysWorked, 0);
  if (daysWorked === 0) return { points: null, daysWorked, periods: weighted };
  const points = weighted.reduce((sum, period) => sum + period.points * period.daysWorked, 0) / daysWorked;
  return { points: Math.round(points * 100) / 100, daysWorked, periods: weighted };
}
