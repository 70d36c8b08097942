import { BadUserInputError } from '@ps/errors';
import { RatingMethod } from '../rule-set/rule-set.kinds';
import type { RuleSetDraft } from '../rule-set/rule-set.schema';

/** A work product's points: earned out of possible; a late or defective one loses the set's penalty once. */
export interface WorkProductScore {
  earned: number;
  possible: number;
  late: boolean;
  defective: boolean;
}

/** A criterion's score: a percentage of its weight, or the work products it is scored from. */
export type CriterionScore = { code: string; percent: number } | { code: string; products: readonly WorkProductScore[] };

/** What one work product added to the 100-point score, and what its penalty took. */
export interface ProductPoints {
  points: number;
  penalty: number;
}

export interface CriterionPoints {
  code: string;
  weight: number;
  points: number;
  /** Points the late or defective products lost. */
  penalty: number;
  /** Each work product's part of `points`, in the order given (none for a criterion scored by percent). */
  products: ProductPoints[];
}

export interface Score {
  points: number;
  criteria: CriterionPoints[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function refuse(reason: string, vi: string, en: string, details: Record<string, unknown> = {}): never {
  throw new BadUserInputError(vi, en, { reason, ...details });
}

/** Share earned of a criterion's products after the penalty, the share the penalty took, and each product's shares. */
function productShares(products: readonly WorkProductScore[], penaltyPercent: number, code: string): { share: number; lost: number; each: Array<{ share: number; lost: number }> } {
  const possible = products.reduce((sum, product) => sum + product.possible, 0);
  if (products.length === 0 || possible <= 0 || products.some((product) => product.earned < 0 || product.earned > product.possible)) {
    refuse('SCORE_OUT_OF_RANGE', `Điểm sản phẩm của tiêu chí ${code} không hợp lệ`, `Work product points of ${code} are out of range`, { criterion: code });
  }
  const each = products.map((product) => {
    const penalty = product.late || product.defective ? (product.earned * penaltyPercent) / 100 : 0;
    return { share: (product.earned - penalty) / possible, lost: penalty / possible };
  });
  const sum = (part: 'share' | 'lost') => each.reduce((total, product) => total + product[part], 0);
  return { share: sum('share'), lost: sum('lost'), each };
}

/** Refuses a set that rates by qualitative conditions (Decree 90): it takes no points. */
export function requirePointBased(set: RuleSetDraft): void {
  if (set.method !== RatingMethod.POINTS) {
    refuse('RULE_SET_NOT_POINT_BASED', `Bộ quy tắc ${set.code} không xếp loại theo điểm`, `Rule set ${set.code} does not rate by points`, { ruleSet: set.code });
  }
}

/**
 * The 100-point score under a point-based set: each criterion earns its weight times the share
 * achieved, work products late or defective losing the set's penalty (−25% under Decree 335).
 */
export function scoreOf(set: RuleSetDraft, scores: readonly CriterionScore[]): Score {
  requirePointBased(set);
  const unknown = scores.filter((score) => !set.criteria.some((criterion) => criterion.code === score.code)).map((score) => score.code);
  if (unknown.length > 0) refuse('SCORE_UNKNOWN_CRITERION', `Tiêu chí không có trong bộ quy tắc: ${unknown.join(', ')}`, `Criteria not in the rule set: ${unknown.join(', ')}`, { unknown });
  const criteria = set.criteria.map((criterion) => {
    const score = scores.find((candidate) => candidate.code === criterion.code);
    if (!score) refuse('SCORE_MISSING', `Thiếu điểm tiêu chí ${criterion.code}`, `No score for criterion ${criterion.code}`, { criterion: criterion.code });
    const weight = criterion.weight ?? 0;
    if ('percent' in score) {
      if (score.percent < 0 || score.percent > 100) refuse('SCORE_OUT_OF_RANGE', `Tỷ lệ của tiêu chí ${score.code} phải từ 0 đến 100`, `${score.code} must be 0–100%`, { criterion: score.code });
      return { code: criterion.code, weight, points: round2((weight * score.percent) / 100), penalty: 0, products: [] };
    }
    const { share, lost, each } = productShares(score.products, set.latePenalty?.percent ?? 0, criterion.code);
    const products = each.map((product) => ({ points: round2(weight * product.share), penalty: round2(weight * product.lost) }));
    return { code: criterion.code, weight, points: round2(weight * share), penalty: round2(weight * lost), products };
  });
  return { points: round2(criteria.reduce((sum, criterion) => sum + criterion.points, 0)), criteria };
}
