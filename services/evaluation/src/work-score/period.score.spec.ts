import { pickRuleSet } from '../rating-engine/rule-set.choice';
import type { ExpectedProduct } from '../responsibility-rule/responsibility-rule.rules';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { periodScore } from './period.score';
import { productOutcomes, qualityPercentOf, type DeliveredProduct } from './work-product.score';

const march = { from: '2026-03-01', to: '2026-03-31' };
const decree335 = pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, march.to);
const expected: ExpectedProduct[] = [
  { code: 'BAO_CAO', name: 'Báo cáo tháng', weight: 40, expectedQuantity: 1, qualityStandard: 'Đúng thể thức', minQualityPercent: 100, deadlineDay: 25 },
  { code: 'HO_SO', name: 'Hồ sơ hộ tịch', weight: 60, expectedQuantity: 20, qualityStandard: 'Không sai sót', minQualityPercent: 90, deadlineDay: null },
];
const delivered = (overrides: Partial<Record<string, Partial<DeliveredProduct>>> = {}): DeliveredProduct[] => [
  { code: 'BAO_CAO', quantity: 1, qualityPercent: 100, deliveredOn: '2026-03-25', ...overrides.BAO_CAO },
  { code: 'HO_SO', quantity: 20, qualityPercent: 95, deliveredOn: '2026-03-31', ...overrides.HO_SO },
];
const refusal = (reason: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ reason }) }) });

describe('work product outcomes', () => {
  it('is on time on its deadline day and late the day after', () => {
    const [onTime] = productOutcomes(expected, delivered(), march);
    const [late] = productOutcomes(expected, delivered({ BAO_CAO: { deliveredOn: '2026-03-26' } }), march);
    expect([onTime.dueOn, onTime.late, late.late]).toEqual(['2026-03-25', false, true]);
  });

  it('earns the weight in proportion to the quantity, at most all of it, and is defective below the quality share', () => {
    const [, half] = productOutcomes(expected, delivered({ HO_SO: { quantity: 10, qualityPercent: 80 } }), march);
    expect(half).toMatchObject({ earned: 30, defective: true, dueOn: '2026-03-31' });
    const [, more] = productOutcomes(expected, delivered({ HO_SO: { quantity: 25 } }), march);
    expect(more).toMatchObject({ earned: 60, defective: false });
  });

  it('takes a product not reported as not delivered', () => {
    const [report, records] = productOutcomes(expected, delivered().slice(1), march);
    expect(report).toMatchObject({ deliveredQuantity: 0, earned: 0, late: false, defective: false });
    expect(records.earned).toBe(60);
  });

  it.each([
    ['a product not in the rule', [{ code: 'KHAC', quantity: 1, qualityPercent: 100, deliveredOn: '2026-03-02' }], 'PRODUCT_NOT_IN_RULE'],
    ['a product twice', [...delivered(), delivered()[0]], 'PRODUCT_REPEATED'],
    ['a delivery without its date', delivered({ BAO_CAO: { deliveredOn: null } }), 'DELIVERED_ON'],
    ['a delivery before the period', delivered({ BAO_CAO: { deliveredOn: '2026-02-28' } }), 'DELIVERED_BEFORE_PERIOD'],
    ['a negative quantity', delivered({ HO_SO: { quantity: -1 } }), 'DELIVERED_QUANTITY'],
    ['a quality share above 100', delivered({ HO_SO: { qualityPercent: 101 } }), 'QUALITY_PERCENT'],
  ])('refuses %s', (_case, products, reason) => {
    expect(() => productOutcomes(expected, products, march)).toThrow(refusal(reason));
  });
});

describe('periodScore under Decree 335', () => {
  it('scores the general criteria by share and task results from the products, explaining each product', () => {
    const outcomes = productOutcomes(expected, delivered({ BAO_CAO: { deliveredOn: '2026-03-27' } }), march);
    const score = periodScore(decree335, [{ code: 'GENERAL', percent: 90 }], outcomes);
    // general 27; the late report keeps 75% of 40: (30 + 60)/100 × 70 = 63
    expect(score).toMatchObject({ ruleSet: 'ND335-2025-CIVIL_SERVANT', points: 90, productsCriterion: 'TASK_RESULTS' });
    expect(score.products.map(({ code, points, penalty, late }) => ({ code, points, penalty, late }))).toEqual([
      { code: 'BAO_CAO', points: 21, penalty: 7, late: true },
      { code: 'HO_SO', points: 42, penalty: 0, late: false },
    ]);
  });

  it('needs every criterion but the products’ one assessed', () => {
    const outcomes = productOutcomes(expected, delivered(), march);
    expect(() => periodScore(decree335, [], outcomes)).toThrow(refusal('PRODUCTS_CRITERION'));
    expect(() => periodScore(decree335, [{ code: 'GENERAL', percent: 90 }, { code: 'TASK_RESULTS', percent: 90 }], outcomes)).toThrow(refusal('PRODUCTS_CRITERION'));
  });

  it('refuses a period judged by Decree 90, which does not rate by points', () => {
    const decree90 = pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, '2025-03-31');
    expect(() => periodScore(decree90, [{ code: 'GENERAL', percent: 90 }, { code: 'UNIT_RESULTS', percent: 90 }], productOutcomes(expected, delivered(), march))).toThrow(
      refusal('RULE_SET_NOT_POINT_BASED'),
    );
  });
});

describe('qualityPercentOf', () => {
  it('reads met as 100%, not met as 0%, a share as given, and nothing delivered as 0%', () => {
    expect([qualityPercentOf('A', 1, { qualityMet: true }), qualityPercentOf('A', 1, { qualityMet: false }), qualityPercentOf('A', 1, { qualityPercent: 85 }), qualityPercentOf('A', 0, {})]).toEqual([100, 0, 85, 0]);
  });

  it('needs exactly one of the two for a product delivered', () => {
    expect(() => qualityPercentOf('A', 1, {})).toThrow(refusal('QUALITY_ONE_OF'));
    expect(() => qualityPercentOf('A', 1, { qualityMet: true, qualityPercent: 90 })).toThrow(refusal('QUALITY_ONE_OF'));
  });
});
