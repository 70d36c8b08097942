import { isInForce } from '@ps/effective-dating';
import type { RatingLevel } from '../rating/rating.entity';
import type { DownsizingTriggerRule } from './downsizing-trigger.schema';

/** A person's ratings by year, and whether they volunteer for downsizing. */
export interface RatingHistory {
  levels: ReadonlyMap<number, RatingLevel>;
  volunteered: boolean;
}

/** A trigger met, with the years whose ratings met it. */
export interface TriggerMet {
  code: string;
  years: number[];
  source: string;
  article: string;
}

/** The years of the window, each matched to a different required level; null when some level finds no year. */
function matchedYears(trigger: DownsizingTriggerRule, history: RatingHistory, consideredYear: number): number[] | null {
  const free = Array.from({ length: trigger.windowYears }, (_, offset) => consideredYear - offset);
  const used: number[] = [];
  for (const level of trigger.requiredLevels) {
    const year = free.find((candidate) => history.levels.get(candidate) === level && !used.includes(candidate));
    if (year === undefined) return null;
    used.push(year);
  }
  return used.sort();
}

/**
 * The rating grounds met when downsizing is considered for `consideredYear` on `date`: only the
 * triggers in force on that date count (Decree 29/2023 before 16 Jun 2025, 154/2025 from then).
 */
export function downsizingTriggersMet(triggers: readonly DownsizingTriggerRule[], history: RatingHistory, consideredYear: number, date: string): TriggerMet[] {
  return triggers
    .filter((trigger) => isInForce(trigger, date) && (!trigger.needsVolunteering || history.volunteered))
    .flatMap((trigger) => {
      const years = matchedYears(trigger, history, consideredYear);
      return years ? [{ code: trigger.code, years, source: trigger.sourceDocument, article: trigger.sourceArticle }] : [];
    });
}
