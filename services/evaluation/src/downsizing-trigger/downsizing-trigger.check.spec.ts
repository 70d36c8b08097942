import { RatingLevel } from '../rating/rating.entity';
import { downsizingTriggersMet } from './downsizing-trigger.check';
import { validatedDownsizingTriggers } from './downsizing-trigger.rules';
import { downsizingTriggerSchema } from './downsizing-trigger.schema';

const triggers = validatedDownsizingTriggers();
const history = (levels: Array<[number, RatingLevel]>, volunteered = false) => ({ levels: new Map(levels), volunteered });
const met = (levels: Array<[number, RatingLevel]>, year: number, date: string, volunteered = false) =>
  downsizingTriggersMet(triggers, history(levels, volunteered), year, date).map((trigger) => trigger.code);

describe('downsizingTriggersMet', () => {
  it('under Decree 29/2023, HTNV then KHTNV over two years is a ground, a single KHTNV only when volunteering', () => {
    expect(met([[2023, RatingLevel.HTNV], [2024, RatingLevel.KHTNV]], 2024, '2025-01-15')).toEqual(['RATED_HTNV_AND_KHTNV_TWO_YEARS']);
    expect(met([[2023, RatingLevel.HTT], [2024, RatingLevel.KHTNV]], 2024, '2025-01-15')).toEqual([]);
    expect(met([[2023, RatingLevel.HTT], [2024, RatingLevel.KHTNV]], 2024, '2025-01-15', true)).toEqual(['RATED_KHTNV_ONE_YEAR']);
  });

  it('under Decree 154/2025 (from 16 Jun 2025), a single KHTNV in the year before or the year considered is', () => {
    expect(met([[2024, RatingLevel.HTT], [2025, RatingLevel.KHTNV]], 2025, '2026-01-15')).toEqual(['RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR']);
    expect(met([[2024, RatingLevel.KHTNV], [2025, RatingLevel.HTT]], 2025, '2026-01-15')).toEqual(['RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR']);
    expect(met([[2023, RatingLevel.KHTNV], [2024, RatingLevel.HTT], [2025, RatingLevel.HTT]], 2025, '2026-01-15')).toEqual([]);
  });

  it('the consideration date decides: 15 Jun 2025 by Decree 29, 16 Jun 2025 by Decree 154', () => {
    const ratings: Array<[number, RatingLevel]> = [[2023, RatingLevel.HTT], [2024, RatingLevel.KHTNV]];
    expect(met(ratings, 2024, '2025-06-15')).toEqual([]);
    expect(met(ratings, 2024, '2025-06-16')).toEqual(['RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR']);
  });

  it('names the years, the decree and the article', () => {
    const [trigger] = downsizingTriggersMet(triggers, history([[2023, RatingLevel.KHTNV], [2024, RatingLevel.HTNV]]), 2024, '2025-01-15');
    expect(trigger).toEqual({ code: 'RATED_HTNV_AND_KHTNV_TWO_YEARS', years: [2023, 2024], source: expect.stringMatching(/^Nghị định 29\/2023/), article: expect.stringContaining('Điều 2') });
  });
});

describe('downsizingTriggerSchema', () => {
  it('refuses an empty period and a window shorter than the ratings it needs', () => {
    const result = downsizingTriggerSchema.safeParse({ ...triggers[0], validTo: triggers[0].validFrom, windowYears: 1 });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message.split(':')[0])).toEqual(['PERIOD_EMPTY', 'WINDOW_TOO_SHORT']);
  });
});
