import { isStableId } from '@ps/effective-dating';
import { ResponsibilityRuleDefectError } from './responsibility-rule.errors';

/** One expected work product of a job-responsibility rule, as recorded. */
export interface ExpectedProduct {
  code: string;
  name: string;
  /** Points out of 100 of the products' criterion; the products of one rule sum to 100. */
  weight: number;
  expectedQuantity: number;
  qualityStandard: string;
  /** Least share (%) of the delivered quantity meeting the standard for the product to count as not defective. */
  minQualityPercent: number;
  /** Due by this day of the period (1 = its first day); null: by the period's last day. */
  deadlineDay: number | null;
}

/** Whose work a rule describes: references to what personnel and organization own, checked for shape only. */
export interface RuleHolder {
  unitCode: string;
  organizationId: string;
  titleCode: string;
}

/** One reason a rule is refused: a stable code, where, and words in both languages. */
export interface RuleDefect {
  reason: string;
  path: string;
  vi: string;
  en: string;
}

const CODE = /^[A-Z][A-Z0-9_]*$/;
const defect = (reason: string, path: string, vi: string, en: string): RuleDefect => ({ reason, path, vi, en });

function holderDefects(holder: RuleHolder): RuleDefect[] {
  const found: RuleDefect[] = [];
  if (!isStableId(holder.organizationId)) found.push(defect('ORGANIZATION_ID_SHAPE', 'organizationId', 'Mã tổ chức phải là UUID', 'The organization id must be a UUID'));
  if (!CODE.test(holder.titleCode)) found.push(defect('TITLE_CODE_SHAPE', 'titleCode', 'Mã chức danh chỉ gồm chữ in hoa, số và _', 'A title code is upper-case letters, digits and _'));
  return found;
}

function productDefects(product: ExpectedProduct, index: number): RuleDefect[] {
  const at = `products.${index}`;
  const found: RuleDefect[] = [];
  if (!CODE.test(product.code)) found.push(defect('PRODUCT_CODE_SHAPE', `${at}.code`, `Mã sản phẩm ${product.code} không hợp lệ`, `Product code ${product.code} is malformed`));
  if (product.name.trim() === '' || product.qualityStandard.trim() === '') {
    found.push(defect('PRODUCT_TEXT_MISSING', at, `Sản phẩm ${product.code} thiếu tên hoặc tiêu chuẩn chất lượng`, `Product ${product.code} needs a name and a quality standard`));
  }
  if (!(product.weight > 0)) found.push(defect('PRODUCT_WEIGHT', `${at}.weight`, `Trọng số của ${product.code} phải lớn hơn 0`, `The weight of ${product.code} must be above 0`));
  if (!Number.isInteger(product.expectedQuantity) || product.expectedQuantity < 1) {
    found.push(defect('PRODUCT_QUANTITY', `${at}.expectedQuantity`, `Số lượng của ${product.code} phải là số nguyên dương`, `The quantity of ${product.code} must be a positive integer`));
  }
  if (!(product.minQualityPercent > 0 && product.minQualityPercent <= 100)) {
    found.push(defect('PRODUCT_QUALITY_PERCENT', `${at}.minQualityPercent`, `Tỷ lệ đạt chất lượng của ${product.code} phải trong (0, 100]`, `The quality share of ${product.code} must be in (0, 100]`));
  }
  if (product.deadlineDay !== null && !(Number.isInteger(product.deadlineDay) && product.deadlineDay >= 1 && product.deadlineDay <= 366)) {
    found.push(defect('PRODUCT_DEADLINE', `${at}.deadlineDay`, `Hạn của ${product.code} phải là ngày thứ 1 đến 366 của kỳ`, `The deadline of ${product.code} must be day 1–366 of the period`));
  }
  return found;
}

/** Every defect of a rule: references' shapes, each product, codes repeated, weights not summing to 100. */
export function ruleDefects(holder: RuleHolder, products: readonly ExpectedProduct[]): RuleDefect[] {
  const found = [...holderDefects(holder), ...products.flatMap(productDefects)];
  if (products.length === 0) found.push(defect('PRODUCTS_MISSING', 'products', 'Quy định phải có ít nhất một sản phẩm', 'A rule needs at least one work product'));
  const repeated = [...new Set(products.map((product) => product.code).filter((code, index, codes) => codes.indexOf(code) !== index))];
  for (const code of repeated) found.push(defect('PRODUCT_CODE_REPEATED', 'products', `Mã sản phẩm ${code} bị lặp`, `Product code ${code} appears more than once`));
  const total = Math.round(products.reduce((sum, product) => sum + product.weight, 0) * 100) / 100;
  if (products.length > 0 && total !== 100) {
    found.push(defect('WEIGHTS_NOT_100', 'products', `Tổng trọng số các sản phẩm là ${total}, phải bằng 100`, `The products' weights sum to ${total}, not 100`));
  }
  return found;
}

/** The rule's products as recorded, or the refusal listing every reason. */
export function checkedRule(holder: RuleHolder, products: readonly ExpectedProduct[]): ExpectedProduct[] {
  const defects = ruleDefects(holder, products);
  if (defects.length > 0) throw new ResponsibilityRuleDefectError(defects);
  return products.map((product) => ({ ...product, name: product.name.trim(), qualityStandard: product.qualityStandard.trim() }));
}
