import { BadUserInputError } from '@ps/errors';
import type { WorkProductScore } from '../rating-engine/rating.score';
import { dayOfPeriod, type CyclePeriod } from '../cycle/cycle.period';
import type { ExpectedProduct } from '../responsibility-rule/responsibility-rule.rules';

/** What a person delivered of one expected product in a period. */
export interface DeliveredProduct {
  code: string;
  quantity: number;
  /** Share (%) of the delivered quantity meeting the product's quality standard. */
  qualityPercent: number;
  /** The day the last of it was delivered; null when nothing was. */
  deliveredOn: string | null;
}

/** How one expected product scored: quantity, quality and timeliness, before and after the penalty. */
export interface ProductOutcome {
  code: string;
  name: string;
  weight: number;
  expectedQuantity: number;
  deliveredQuantity: number;
  qualityPercent: number;
  dueOn: string;
  deliveredOn: string | null;
  late: boolean;
  defective: boolean;
  /** Of the product's weight, for the quantity delivered (at most all of it). */
  earned: number;
}

const refuse = (reason: string, vi: string, en: string, details: Record<string, unknown>): never => {
  throw new BadUserInputError(vi, en, { reason, ...details });
};

function checkDelivered(product: DeliveredProduct, period: CyclePeriod): void {
  const { code } = product;
  if (!Number.isInteger(product.quantity) || product.quantity < 0) refuse('DELIVERED_QUANTITY', `Số lượng ${code} phải là số nguyên không âm`, `The quantity of ${code} must be a whole number, 0 or more`, { product: code });
  if (!(product.qualityPercent >= 0 && product.qualityPercent <= 100)) refuse('QUALITY_PERCENT', `Tỷ lệ đạt chất lượng của ${code} phải từ 0 đến 100`, `The quality share of ${code} must be 0–100`, { product: code });
  if ((product.quantity > 0) !== (product.deliveredOn !== null)) {
    refuse('DELIVERED_ON', `${code}: ngày giao chỉ có khi đã giao sản phẩm, và phải có khi đã giao`, `${code}: a delivery date goes with a quantity delivered, and only then`, { product: code });
  }
  if (product.deliveredOn !== null && product.deliveredOn < period.from) {
    refuse('DELIVERED_BEFORE_PERIOD', `${code} giao ngày ${product.deliveredOn}, trước kỳ đánh giá`, `${code} was delivered on ${product.deliveredOn}, before the period`, { product: code });
  }
}

/**
 * Each expected product's outcome in the period: the share of its weight earned for the
 * quantity delivered, late when delivered after its deadline day, defective when less of it than
 * the standard asks meets its quality; a product not reported was not delivered.
 */
export function productOutcomes(expected: readonly ExpectedProduct[], delivered: readonly DeliveredProduct[], period: CyclePeriod): ProductOutcome[] {
  const unknown = delivered.filter((product) => !expected.some((candidate) => candidate.code === product.code)).map((product) => product.code);
  if (unknown.length > 0) refuse('PRODUCT_NOT_IN_RULE', `Sản phẩm không có trong quy định: ${unknown.join(', ')}`, `Products not in the rule: ${unknown.join(', ')}`, { unknown });
  const repeated = delivered.filter((product, index) => delivered.findIndex((other) => other.code === product.code) !== index).map((product) => product.code);
  if (repeated.length > 0) refuse('PRODUCT_REPEATED', `Sản phẩm được chấm hai lần: ${repeated.join(', ')}`, `Products scored twice: ${repeated.join(', ')}`, { repeated });
  return expected.map((product) => {
    const report = delivered.find((candidate) => candidate.code === product.code) ?? { code: product.code, quantity: 0, qualityPercent: 0, deliveredOn: null };
    checkDelivered(report, period);
    const dueOn = dayOfPeriod(period, product.deadlineDay);
    const done = report.quantity > 0;
    return {
      code: product.code,
      name: product.name,
      weight: product.weight,
      expectedQuantity: product.expectedQuantity,
      deliveredQuantity: report.quantity,
      qualityPercent: report.qualityPercent,
      dueOn,
      deliveredOn: report.deliveredOn,
      late: done && report.deliveredOn !== null && report.deliveredOn > dueOn,
      defective: done && report.qualityPercent < product.minQualityPercent,
      earned: (product.weight * Math.min(report.quantity, product.expectedQuantity)) / product.expectedQuantity,
    };
  });
}

/** The outcomes as the engine's `scoreOf` scores work products. */
export function asWorkProducts(outcomes: readonly ProductOutcome[]): WorkProductScore[] {
  return outcomes.map(({ earned, weight, late, defective }) => ({ earned, possible: weight, late, defective }));
}

/** Quality as a share: given as met (100) or not (0), or as a percentage; nothing delivered has none. */
export function qualityPercentOf(code: string, quantity: number, quality: { qualityMet?: boolean | null; qualityPercent?: number | null }): number {
  const given = [quality.qualityMet, quality.qualityPercent].filter((value) => value !== null && value !== undefined).length;
  if (given > 1 || (given === 0 && quantity > 0)) {
    refuse('QUALITY_ONE_OF', `${code}: nêu đạt chất lượng hoặc tỷ lệ đạt, một trong hai`, `${code}: give quality met or its share, one of the two`, { product: code });
  }
  if (typeof quality.qualityMet === 'boolean') return quality.qualityMet ? 100 : 0;
  return quality.qualityPercent ?? 0;
}
