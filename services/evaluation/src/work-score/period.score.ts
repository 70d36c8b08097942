import { BadUserInputError } from '@ps/errors';
import { requirePointBased, scoreOf, type CriterionPoints } from '../rating-engine/rating.score';
import type { RuleSetDraft } from '../rule-set/rule-set.schema';
import { asWorkProducts, type ProductOutcome } from './work-product.score';

/** A criterion the assessor scores as a share of its weight (the general criteria). */
export interface AssessedCriterion {
  code: string;
  percent: number;
}

/** A product's outcome with what it added to the 100-point score and what its penalty took. */
export interface ProductContribution extends ProductOutcome {
  points: number;
  penalty: number;
}

/** A period's score: the rule set it was judged by, the criteria, and each product's contribution. */
export interface PeriodScoreResult {
  ruleSet: string;
  points: number;
  criteria: Array<Omit<CriterionPoints, 'products'>>;
  /** The criterion the work products were scored into. */
  productsCriterion: string;
  products: ProductContribution[];
}

/**
 * The period's 100-point score under the rule set in force: the assessed criteria by their
 * share, and the one criterion left (task results under Decree 335) from the work products,
 * through the engine's `scoreOf` (so the set's late or defect penalty applies).
 */
export function periodScore(set: RuleSetDraft, assessed: readonly AssessedCriterion[], outcomes: readonly ProductOutcome[]): PeriodScoreResult {
  // a qualitative set is refused as such, before its criteria are counted
  requirePointBased(set);
  const left = set.criteria.filter((criterion) => !assessed.some((score) => score.code === criterion.code));
  if (left.length !== 1) {
    throw new BadUserInputError(
      `Phải chấm tỷ lệ mọi tiêu chí của bộ quy tắc ${set.code} trừ đúng một tiêu chí tính từ sản phẩm; còn lại: ${left.map((criterion) => criterion.code).join(', ') || 'không có'}`,
      `Score every criterion of ${set.code} but exactly one, the one work products score; left: ${left.map((criterion) => criterion.code).join(', ') || 'none'}`,
      { reason: 'PRODUCTS_CRITERION', ruleSet: set.code, left: left.map((criterion) => criterion.code) },
    );
  }
  const productsCriterion = left[0].code;
  const score = scoreOf(set, [...assessed, { code: productsCriterion, products: asWorkProducts(outcomes) }]);
  const scored = score.criteria.find((criterion) => criterion.code === productsCriterion);
  const products = outcomes.map((outcome, index) => ({ ...outcome, ...(scored?.products[index] ?? { points: 0, penalty: 0 }) }));
  return {
    ruleSet: set.code,
    points: score.points,
    criteria: score.criteria.map(({ products: _products, ...criterion }) => criterion),
    productsCriterion,
    products,
  };
}
