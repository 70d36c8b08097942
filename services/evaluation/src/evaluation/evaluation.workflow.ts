import { TIERS, type Tier } from '@ps/auth';
import { downsizingTriggersMet } from '../downsizing-trigger/downsizing-trigger.check';
import type { DownsizingTriggerRule } from '../downsizing-trigger/downsizing-trigger.schema';
import { judge, type AppliedRule, type Judgement, type RatingFacts } from '../rating-engine/rating.level';
import type { QuotaRating } from '../rating-engine/rating.quota';
import type { RatingLevel } from '../rating/rating.entity';
import { LEVELS_ASCENDING } from '../rule-set/rule-set.contradictions';
import { QuotaScope, RatingMethod, type DisciplineFormCode } from '../rule-set/rule-set.kinds';
import type { RuleSetDraft } from '../rule-set/rule-set.schema';
import { EvaluationDecidedError, EvaluationStepOutOfOrderError, NotEntitledToRateError } from './evaluation.errors';
import { EvaluationStatus, EvaluationStepKind } from './evaluation.kinds';
import { UNKNOWN_SHARES, type TaskShares } from '../work-score/task.shares';

/** The status each step needs and the one it leaves: self-assessment → staff meeting → proposal → decision. */
const TRANSITIONS: Partial<Record<EvaluationStepKind, { from: EvaluationStatus; to: EvaluationStatus }>> = {
  [EvaluationStepKind.SELF_ASSESSMENT]: { from: EvaluationStatus.OPEN, to: EvaluationStatus.SELF_ASSESSED },
  [EvaluationStepKind.STAFF_MEETING]: { from: EvaluationStatus.SELF_ASSESSED, to: EvaluationStatus.COMMENTED },
  [EvaluationStepKind.MANAGER_PROPOSAL]: { from: EvaluationStatus.COMMENTED, to: EvaluationStatus.PROPOSED },
  [EvaluationStepKind.HEAD_DECISION]: { from: EvaluationStatus.PROPOSED, to: EvaluationStatus.DECIDED },
  [EvaluationStepKind.APPEAL_FILED]: { from: EvaluationStatus.DECIDED, to: EvaluationStatus.DECIDED },
};

/**
 * The status the step leaves the evaluation at, or the typed refusal: a decided evaluation
 * changes only through an appeal (EVALUATION_DECIDED), any other status out of order says
 * where the evaluation stands (EVALUATION_STEP_OUT_OF_ORDER).
 */
export function nextStatus(evaluation: { id: string; status: EvaluationStatus; decidedOn: string | null }, step: EvaluationStepKind): EvaluationStatus {
  const transition = TRANSITIONS[step];
  if (!transition) return evaluation.status;
  if (evaluation.status === transition.from) return transition.to;
  if (evaluation.status === EvaluationStatus.DECIDED) throw new EvaluationDecidedError(evaluation.id, step, evaluation.decidedOn);
  throw new EvaluationStepOutOfOrderError(evaluation.id, step, evaluation.status, transition.from);
}

/** Lower is stronger; a unit below the access tiers (a hamlet) ranks under the commune. */
function rankOf(tier: string): number {
  const rank = (TIERS as readonly string[]).indexOf(tier);
  return rank === -1 ? TIERS.length : rank;
}

/**
 * Refuses the head's decision (and an appeal's resolution) to a caller who is neither of the
 * employing agency's unit nor of a higher tier above it (the territory check already holds);
 * a head's or deputy's rating only to a strictly higher tier: the tier above rates its heads.
 */
export function requireHeadEntitlement(caller: { tier: Tier; unitCode: string }, unit: { code: string; tier: string }, leader: boolean): void {
  const higher = rankOf(caller.tier) < rankOf(unit.tier);
  if (higher || (!leader && caller.unitCode === unit.code)) return;
  const reason = leader ? 'LEADER_RATED_BY_TIER_ABOVE' : 'NOT_HEAD_OF_AGENCY';
  throw new NotEntitledToRateError({ reason, unitCode: unit.code, unitTier: unit.tier, callerTier: caller.tier, callerUnitCode: caller.unitCode });
}

/** What the decision was judged on, kept with the judgement so an appeal judges the same facts. */
export interface EvaluationJudgement extends Judgement {
  /** The level the head (or the appeal) chose, before the rules lowered it. */
  chosen: RatingLevel;
  points: number | null;
  facts: { disciplines: DisciplineFormCode[]; leader: boolean; corruptionInUnit: boolean } & Partial<TaskShares>;
}

/** The facts a stored judgement was made on (none for one stored before they were kept). */
export function judgedFacts(judgement: Judgement | null): Partial<EvaluationJudgement['facts']> {
  return (judgement as Partial<EvaluationJudgement> | null)?.facts ?? {};
}

const rank = (level: RatingLevel) => LEVELS_ASCENDING.indexOf(level);
const lower = (a: RatingLevel, b: RatingLevel) => (rank(a) <= rank(b) ? a : b);

/**
 * The decided level: the level chosen, lowered (never raised) by the set's rules: by the annual
 * points' band when the set rates by points and the person has scores, and by every override
 * (discipline, corruption in a leader's unit). The applied rules are those that lowered it.
 */
export function judgeChoice(set: RuleSetDraft, chosen: RatingLevel, points: number | null, facts: EvaluationJudgement['facts']): EvaluationJudgement {
  const ratingFacts: RatingFacts = { ...UNKNOWN_SHARES, ...facts, disciplinedMembers: false };
  const byPoints = set.method === RatingMethod.POINTS && points !== null;
  const judged = judge(set, byPoints ? { points } : { proposed: chosen }, ratingFacts);
  const level = lower(chosen, judged.level);
  const applied: AppliedRule[] = [];
  const band = set.bands.find((candidate) => candidate.level === judged.proposed);
  if (byPoints && band && rank(judged.proposed) < rank(chosen)) {
    applied.push({ rule: `POINTS_BAND_${judged.proposed}`, level: judged.proposed, source: set.sourceDocument, article: band.article });
  }
  applied.push(...judged.applied.filter((rule) => rank(rule.level) < rank(chosen)));
  return { ruleSet: set.code, level, proposed: judged.proposed, applied, chosen, points: byPoints ? points : null, facts };
}

/**
 * The group an evaluation is counted in for each quota scope, from its own unit, organization
 * and duty group: an agency is the organization in its unit, a grassroots Party organization
 * is the organization itself.
 */
export function quotaGroupsOf(evaluation: { unitCode: string; organizationId: string; dutyGroup: string }): QuotaRating['groups'] {
  const agency = `${evaluation.unitCode}/${evaluation.organizationId}`;
  return {
    [QuotaScope.AGENCY]: agency,
    [QuotaScope.AGENCY_DUTY_GROUP]: `${agency}/${evaluation.dutyGroup}`,
    [QuotaScope.GRASSROOTS_ORGANIZATION]: evaluation.organizationId,
  };
}

/** A rating downsizing ground as EvaluationFinalized carries it. */
export interface DownsizingGround {
  groundCode: string;
  ratings: Array<{ year: number; level: RatingLevel }>;
  source: string;
  article: string;
}

/**
 * The rating grounds of the triggers in force on the decision's date met by the person's levels
 * by year (the latest revision of each), considered for the year just decided. Volunteering is
 * personnel's to know: grounds that need it are left to personnel.
 */
export function downsizingGroundsOf(triggers: readonly DownsizingTriggerRule[], levels: ReadonlyMap<number, RatingLevel>, year: number, date: string): DownsizingGround[] {
  return downsizingTriggersMet(triggers, { levels, volunteered: false }, year, date).map((met) => ({
    groundCode: met.code,
    ratings: met.years.flatMap((rated) => {
      const level = levels.get(rated);
      return level ? [{ year: rated, level }] : [];
    }),
    source: met.source,
    article: met.article,
  }));
}

/** A discipline as evaluation keeps it: in force from `validFrom` until `endsOn` (exclusive; null: no end set). */
export interface DisciplinePeriod {
  form: DisciplineFormCode;
  validFrom: string;
  endsOn: string | null;
}

/** The forms of the disciplines in force on some day of the year: a discipline in the year forces KHTNV. */
export function disciplinesIn(disciplines: readonly DisciplinePeriod[], year: number): DisciplineFormCode[] {
  return disciplines.filter((discipline) => discipline.validFrom <= `${year}-12-31` && (discipline.endsOn === null || discipline.endsOn > `${year}-01-01`)).map((discipline) => discipline.form);
}
