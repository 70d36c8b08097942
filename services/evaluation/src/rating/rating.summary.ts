import { RatingLevel, RatingSummary } from './rating.entity';

/** Ratings of one unit in force on a date, counted per year and level. */
export interface RatingCount {
  year: number;
  level: RatingLevel;
  count: number;
}

const LEVEL_FIELD = {
  [RatingLevel.HTXS]: 'excellent',
  [RatingLevel.HTT]: 'good',
  [RatingLevel.HTNV]: 'completed',
  [RatingLevel.KHTNV]: 'notCompleted',
} as const;

/**
 * A unit's summary for `year`, or for the latest year it has ratings for when `year` is null
 * (null when it has none). A year asked with no ratings gets zeros.
 */
export function summarize(counts: readonly RatingCount[], year: number | null): RatingSummary | null {
  const rated = year ?? (counts.length > 0 ? Math.max(...counts.map((count) => count.year)) : null);
  if (rated === null) return null;
  const summary = Object.assign(new RatingSummary(), { year: rated, excellent: 0, good: 0, completed: 0, notCompleted: 0, total: 0 });
  for (const count of counts.filter((row) => row.year === rated)) {
    summary[LEVEL_FIELD[count.level]] += count.count;
    summary.total += count.count;
  }
  return summary;
}
