import type { CyclePeriod } from '../cycle/cycle.period';
import { RatingLevel } from '../rating/rating.entity';
import { judge, NO_FACTS } from '../rating-engine/rating.level';
import { judgedOn, pickRuleSet } from '../rating-engine/rule-set.choice';
import type { ExpectedProduct } from '../responsibility-rule/responsibility-rule.rules';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { periodScore } from './period.score';
import { productOutcomes, type DeliveredProduct } from './work-product.score';

/**
 * The change-over, golden: the same work products and the same assessment, scored in periods
 * that differ only in their dates, come out under the set each date puts in force.
 */
const expected: ExpectedProduct[] = [
  { code: 'BAO_CAO_QUY', name: 'Báo cáo quý', weight: 50, expectedQuantity: 1, qualityStandard: 'Đúng thể thức, đúng hạn', minQualityPercent: 100, deadlineDay: 85 },
  { code: 'HO_SO_HO_TICH', name: 'Hồ sơ hộ tịch', weight: 50, expectedQuantity: 20, qualityStandard: 'Không sai sót', minQualityPercent: 90, deadlineDay: null },
];
const quarter = (year: number, q: 1 | 2 | 3 | 4): CyclePeriod => {
  const to = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' }[q];
  return { from: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${year}-${to}` };
};
/** Both products delivered in full; the report on the given day of the period (its 85th is the deadline). */
const delivered = (period: CyclePeriod, reportLate: boolean): DeliveredProduct[] => {
  const reportOn = new Date(`${period.from}T00:00:00Z`);
  reportOn.setUTCDate(reportOn.getUTCDate() + (reportLate ? 86 : 80));
  return [
    { code: 'BAO_CAO_QUY', quantity: 1, qualityPercent: 100, deliveredOn: reportOn.toISOString().slice(0, 10) },
    { code: 'HO_SO_HO_TICH', quantity: 20, qualityPercent: 95, deliveredOn: period.to },
  ];
};
const GENERAL_90 = [{ code: 'GENERAL', percent: 90 }];
const scoreIn = (subject: RuleSubject, period: CyclePeriod, reportLate = false) => {
  const set = pickRuleSet(SHIPPED_RULE_SETS, subject, judgedOn(period));
  return { set, score: periodScore(set, GENERAL_90, productOutcomes(expected, delivered(period, reportLate), period)) };
};
const notPointBased = expect.objectContaining({ extensions: expect.objectContaining({ details: expect.objectContaining({ reason: 'RULE_SET_NOT_POINT_BASED', ruleSet: 'ND90-2020-CIVIL_SERVANT' }) }) });

describe('a civil servant: Q4 2025 under Decree 90, Q1 2026 under Decree 335', () => {
  it('refuses to score Q4 2025 by points: Decree 90 rates by qualitative conditions (Điều 2–15)', () => {
    expect(() => scoreIn(RuleSubject.CIVIL_SERVANT, quarter(2025, 4))).toThrow(notPointBased);
  });

  it('scores Q1 2026 on 100 points: general 90% of 30 = 27, task results 70 → 97, HTXS', () => {
    const { set, score } = scoreIn(RuleSubject.CIVIL_SERVANT, quarter(2026, 1));
    expect([score.ruleSet, score.points, judge(set, { points: score.points }).level]).toEqual(['ND335-2025-CIVIL_SERVANT', 97, RatingLevel.HTXS]);
  });

  it('takes 25% off the late report (DOMAIN.md, Decree 335: a late product loses 25% of its points): 88.25, HTT', () => {
    const { set, score } = scoreIn(RuleSubject.CIVIL_SERVANT, quarter(2026, 1), true);
    // the report keeps 75% of 50: 27 + 70 × (37.5 + 50)/100 = 88.25; it lost 70 × 12.5/100 = 8.75
    expect(score.products.map(({ code, late, points, penalty }) => ({ code, late, points, penalty }))).toEqual([
      { code: 'BAO_CAO_QUY', late: true, points: 26.25, penalty: 8.75 },
      { code: 'HO_SO_HO_TICH', late: false, points: 35, penalty: 0 },
    ]);
    expect([score.points, judge(set, { points: score.points }).level]).toEqual([88.25, RatingLevel.HTT]);
  });
});

describe('a Party member: Q2 2025 under Regulation 124, Q4 2025 under Regulation 366', () => {
  it('gives the same points and level under both, each naming its own regulation', () => {
    const before = scoreIn(RuleSubject.PARTY_MEMBER, quarter(2025, 2));
    const after = scoreIn(RuleSubject.PARTY_MEMBER, quarter(2025, 4));
    expect([before.score.ruleSet, after.score.ruleSet]).toEqual(['QD124-2023-PARTY_MEMBER', 'QD366-2025-PARTY_MEMBER']);
    expect([before.score.points, after.score.points]).toEqual([97, 97]);
    expect(before.set.sourceDocument).toMatch(/^Quy định 124-QĐ\/TW/);
    expect(after.set.sourceDocument).toMatch(/^Quy định 366-QĐ\/TW/);
  });

  it('takes no points off a late task (no per-product penalty), but half the tasks late is more than HTNV’s 20%: KHTNV', () => {
    const { set, score } = scoreIn(RuleSubject.PARTY_MEMBER, quarter(2025, 4), true);
    expect(score.points).toBe(97);
    const judgement = judge(set, { points: score.points }, { ...NO_FACTS, onTimePercent: 50, exceedingPercent: 0, latePercent: 50 });
    expect(judgement.level).toBe(RatingLevel.KHTNV);
    expect(judgement.applied.map((rule) => rule.rule)).toEqual(['BAND_HTXS_CONDITIONS:ON_TIME+EXCEEDING', 'BAND_HTT_CONDITIONS:ON_TIME', 'BAND_HTNV_CONDITIONS:LATE']);
  });
});

describe('changing only the period’s date switches the rule set', () => {
  it.each([
    [RuleSubject.CIVIL_SERVANT, '2025-12-31', 'ND90-2020-CIVIL_SERVANT', '2026-01-01', 'ND335-2025-CIVIL_SERVANT'],
    [RuleSubject.PARTY_MEMBER, '2025-08-29', 'QD124-2023-PARTY_MEMBER', '2025-08-30', 'QD366-2025-PARTY_MEMBER'],
    [RuleSubject.PARTY_ORGANIZATION, '2025-08-29', 'QD124-2023-PARTY_ORGANIZATION', '2025-08-30', 'QD366-2025-PARTY_ORGANIZATION'],
  ])('%s: %s → %s, %s → %s', (subject, lastDay, before, firstDay, after) => {
    expect(pickRuleSet(SHIPPED_RULE_SETS, subject, lastDay).code).toBe(before);
    expect(pickRuleSet(SHIPPED_RULE_SETS, subject, firstDay).code).toBe(after);
  });
});
