import { RatingLevel } from '../rating/rating.entity';
import { QuotaScope, RuleSubject } from '../rule-set/rule-set.kinds';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { quotaViolations, refuseOverQuota, type QuotaRating } from './rating.quota';
import { pickRuleSet, yearEnd } from './rule-set.choice';

const decree335 = pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, yearEnd(2026));
const rated = (level: RatingLevel, count: number, group = 'UBND xã An Lập / chuyên môn'): QuotaRating[] =>
  Array.from({ length: count }, () => ({ level, groups: { [QuotaScope.AGENCY_DUTY_GROUP]: group } }));

describe('quotaViolations: HTXS ≤ 20% of HTT per agency and duty group (Decree 335)', () => {
  it('allows two HTXS beside ten HTT', () => {
    expect(quotaViolations(decree335, [...rated(RatingLevel.HTT, 10), ...rated(RatingLevel.HTXS, 2)])).toEqual([]);
  });

  it('reports a third HTXS with the quota, the group and the figures', () => {
    expect(quotaViolations(decree335, [...rated(RatingLevel.HTT, 10), ...rated(RatingLevel.HTXS, 3), ...rated(RatingLevel.HTNV, 4)])).toEqual([
      expect.objectContaining({
        ruleSet: 'ND335-2025-CIVIL_SERVANT', level: 'HTXS', ofLevel: 'HTT', maxPercent: 20, scope: 'AGENCY_DUTY_GROUP',
        group: 'UBND xã An Lập / chuyên môn', count: 3, ofCount: 10, allowed: 2,
      }),
    ]);
  });

  it('counts each group on its own: a group with no HTT may have no HTXS', () => {
    const ratings = [...rated(RatingLevel.HTT, 10, 'A'), ...rated(RatingLevel.HTXS, 2, 'A'), ...rated(RatingLevel.HTXS, 1, 'B')];
    expect(quotaViolations(decree335, ratings).map((violation) => [violation.group, violation.allowed])).toEqual([['B', 0]]);
  });

  it('rounds the allowance down: 20% of 14 HTT is 2', () => {
    expect(quotaViolations(decree335, [...rated(RatingLevel.HTT, 14), ...rated(RatingLevel.HTXS, 3)])).toHaveLength(1);
  });

  it('refuses a batch over quota with RATING_QUOTA_EXCEEDED naming the group and figures', () => {
    expect(() => refuseOverQuota(decree335, [...rated(RatingLevel.HTT, 10), ...rated(RatingLevel.HTXS, 3)])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATING_QUOTA_EXCEEDED' }), message: expect.stringContaining('3 HTXS, tối đa 2 trên 10 HTT') }),
    );
  });
});
