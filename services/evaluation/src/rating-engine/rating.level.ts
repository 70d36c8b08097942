import { BadUserInputError } from '@ps/errors';
import type { RatingLevel } from '../rating/rating.entity';
import { LEVELS_ASCENDING } from '../rule-set/rule-set.contradictions';
import { DISCIPLINE_ORDER, OverrideTrigger, RatingMethod, type DisciplineFormCode } from '../rule-set/rule-set.kinds';
import type { RatingBandRule, RatingOverrideRule, RuleSetDraft } from '../rule-set/rule-set.schema';

/** What the rules read beside the score: the year's discipline, leadership, shares of tasks. */
export interface RatingFacts {
  /** Discipline forms imposed in the rated year. */
  disciplines: readonly DisciplineFormCode[];
  leader: boolean;
  corruptionInUnit: boolean;
  onTimePercent: number | null;
  exceedingPercent: number | null;
  latePercent: number | null;
  /** A disciplined member or sub-unit (organisations). */
  disciplinedMembers: boolean;
}

export const NO_FACTS: RatingFacts = { disciplines: [], leader: false, corruptionInUnit: false, onTimePercent: null, exceedingPercent: null, latePercent: null, disciplinedMembers: false };

/** A rule that decided or lowered the level, cited by its set's document and its article. */
export interface AppliedRule {
  rule: string;
  level: RatingLevel;
  source: string;
  article: string;
}

export interface Judgement {
  ruleSet: string;
  level: RatingLevel;
  /** The level the points (or the assessor, for a qualitative set) gave, before conditions and overrides. */
  proposed: RatingLevel;
  /** Rules that changed the proposed level, in the order applied. */
  applied: AppliedRule[];
}

const rank = (level: RatingLevel) => LEVELS_ASCENDING.indexOf(level);

/** Why a band's conditions beyond points are not met (empty: met); an unknown share never meets a minimum. */
function unmet(band: RatingBandRule, facts: RatingFacts): string[] {
  const failures: string[] = [];
  if (band.minOnTimePercent !== null && (facts.onTimePercent ?? -1) < band.minOnTimePercent) failures.push('ON_TIME');
  if (band.minExceedingPercent !== null && (facts.exceedingPercent ?? -1) < band.minExceedingPercent) failures.push('EXCEEDING');
  if (band.maxLatePercent !== null && (facts.latePercent ?? Infinity) > band.maxLatePercent) failures.push('LATE');
  if (band.requiresNoDisciplined && facts.disciplinedMembers) failures.push('DISCIPLINED_MEMBERS');
  return failures;
}

function bandOf(set: RuleSetDraft, points: number): RatingBandRule {
  if (!(points >= 0 && points <= 100)) throw new BadUserInputError('Điểm phải từ 0 đến 100', 'Points must be 0–100', { reason: 'SCORE_OUT_OF_RANGE', points });
  const band = set.bands.find((candidate) => (candidate.from ?? 0) <= points && (candidate.to === null || points < candidate.to));
  if (!band) throw new BadUserInputError(`Không có khung điểm cho ${points}`, `No band for ${points} points`, { reason: 'NO_BAND', points });
  return band;
}

/** Does the override apply to these facts? */
function triggers(override: RatingOverrideRule, facts: RatingFacts): boolean {
  if (override.leadersOnly && !facts.leader) return false;
  if (override.trigger === OverrideTrigger.UNIT_CORRUPTION) return facts.corruptionInUnit;
  const mildest = DISCIPLINE_ORDER.indexOf(override.minDiscipline ?? 'REPRIMAND');
  return facts.disciplines.some((form) => DISCIPLINE_ORDER.indexOf(form) >= mildest);
}

/** The points' band, then down band by band while a band's other conditions are unmet. */
function levelByPoints(set: RuleSetDraft, points: number, facts: RatingFacts): { proposed: RatingLevel; level: RatingLevel; applied: AppliedRule[] } {
  if (set.method !== RatingMethod.POINTS) {
    throw new BadUserInputError(`Bộ quy tắc ${set.code} không xếp loại theo điểm`, `Rule set ${set.code} does not rate by points`, { reason: 'RULE_SET_NOT_POINT_BASED' });
  }
  const ascending = [...set.bands].sort((a, b) => rank(a.level) - rank(b.level));
  const applied: AppliedRule[] = [];
  let index = ascending.indexOf(bandOf(set, points));
  const proposed = ascending[index].level;
  while (index > 0 && unmet(ascending[index], facts).length > 0) {
    const band = ascending[index];
    index -= 1;
    applied.push({ rule: `BAND_${band.level}_CONDITIONS:${unmet(band, facts).join('+')}`, level: ascending[index].level, source: set.sourceDocument, article: band.article });
  }
  return { proposed, level: ascending[index].level, applied };
}

/**
 * The level under a set: from the points' band (or the assessor's proposal, for a qualitative
 * set) lowered while the band's other conditions are unmet, then the lowest level any override
 * forces (discipline, corruption in a leader's unit) whatever the score.
 */
export function judge(set: RuleSetDraft, basis: { points: number } | { proposed: RatingLevel }, facts: RatingFacts = NO_FACTS): Judgement {
  const { proposed, level, applied } = 'points' in basis ? levelByPoints(set, basis.points, facts) : { proposed: basis.proposed, level: basis.proposed, applied: [] };
  let current = level;
  for (const override of set.overrides.filter((candidate) => triggers(candidate, facts))) {
    if (rank(override.level) < rank(current)) {
      applied.push({ rule: override.code, level: override.level, source: set.sourceDocument, article: override.article });
      current = override.level;
    }
  }
  return { ruleSet: set.code, level: current, proposed, applied };
}
