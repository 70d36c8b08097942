import { addMonths } from '@ps/effective-dating';

/** The reduction a reorganisation owes, as the rule in force on its date states it. */
export interface ReductionRule {
  reductionPercent: number;
  withinMonths: number;
  source: string;
}

/** The figures of one successor organization around a restructuring's date. */
export interface SuccessionFigures {
  quota: number | null;
  headcountBefore: number;
  headcountAfter: number;
}

/** What the successor owes: over its quota now, and the headcount it must reach by when. */
export interface SurplusFigures {
  surplus: number | null;
  targetHeadcount: number | null;
  toShed: number | null;
  dueBy: string | null;
}

/**
 * Surplus against the quota the successor holds on the date (none without a quota), and the
 * reduction target: the combined headcount before the restructuring less the rule's share,
 * rounded down, to be reached within the rule's months.
 */
export function surplusOf(figures: SuccessionFigures, date: string, rule: ReductionRule | null): SurplusFigures {
  const surplus = figures.quota === null ? null : Math.max(0, figures.headcountAfter - figures.quota);
  if (!rule) return { surplus, targetHeadcount: null, toShed: null, dueBy: null };
  const targetHeadcount = Math.floor((figures.headcountBefore * (100 - rule.reductionPercent)) / 100);
  return { surplus, targetHeadcount, toShed: Math.max(0, figures.headcountAfter - targetHeadcount), dueBy: addMonths(date, rule.withinMonths) };
}
