import { RatingLevel } from './rating.entity';
import { summarize } from './rating.summary';

const counts = [
  { year: 2024, level: RatingLevel.HTXS, count: 1 },
  { year: 2024, level: RatingLevel.HTT, count: 1 },
  { year: 2025, level: RatingLevel.HTT, count: 2 },
  { year: 2025, level: RatingLevel.KHTNV, count: 1 },
];

describe('summarize', () => {
  it('sums the latest year when none is asked', () => {
    expect(summarize(counts, null)).toEqual({ year: 2025, excellent: 0, good: 2, completed: 0, notCompleted: 1, total: 3 });
  });

  it('sums the year asked', () => {
    expect(summarize(counts, 2024)).toMatchObject({ year: 2024, excellent: 1, good: 1, total: 2 });
  });

  it('gives zeros for a year asked without ratings, and nothing when no year is asked and none is rated', () => {
    expect(summarize(counts, 2020)).toMatchObject({ year: 2020, total: 0 });
    expect(summarize([], null)).toBeNull();
  });
});
