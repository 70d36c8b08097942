import type { RatingLevel } from '../rating/rating.entity';
import type { RatingBandRule } from './rule-set.schema';

/** Said of an article whose number is still to be checked against the published text. */
export const TO_VERIFY = '(số điều chờ đối chiếu văn bản gốc / article number to be verified)';

/** What a band needs beyond its points (shares of tasks, no disciplined member). */
export type BandRequirements = Partial<Pick<RatingBandRule, 'minOnTimePercent' | 'minExceedingPercent' | 'maxLatePercent' | 'requiresNoDisciplined'>>;

/** A band of points [from, to), `to` null for the top one. */
export function pointBand(level: RatingLevel, from: number, to: number | null, article: string, requires: BandRequirements = {}): RatingBandRule {
  return {
    level, from, to, condition: null, article,
    minOnTimePercent: requires.minOnTimePercent ?? null,
    minExceedingPercent: requires.minExceedingPercent ?? null,
    maxLatePercent: requires.maxLatePercent ?? null,
    requiresNoDisciplined: requires.requiresNoDisciplined ?? false,
  };
}

/** A level stated in words, without points. */
export function qualitativeBand(level: RatingLevel, condition: string, article: string): RatingBandRule {
  return { ...pointBand(level, 0, null, article), from: null, to: null, condition };
}
