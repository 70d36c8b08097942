import { RuleSubject } from '../rule-set/rule-set.kinds';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { pickRuleSet, yearEnd } from './rule-set.choice';
import { scoreOf } from './rating.score';

const decree335 = pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, yearEnd(2026));
const decree90 = pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, yearEnd(2025));
const reason = (value: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ reason: value }) }) });

describe('scoreOf (Decree 335: general 30 + task results 70)', () => {
  it('weights each criterion’s share', () => {
    expect(scoreOf(decree335, [{ code: 'GENERAL', percent: 100 }, { code: 'TASK_RESULTS', percent: 80 }]).points).toBe(86);
  });

  it('takes 25% off a late or defective work product, once, and reports what was lost', () => {
    const score = scoreOf(decree335, [
      { code: 'GENERAL', percent: 100 },
      {
        code: 'TASK_RESULTS',
        products: [
          { earned: 10, possible: 10, late: false, defective: false },
          { earned: 10, possible: 10, late: true, defective: false },
          { earned: 8, possible: 10, late: true, defective: true },
          { earned: 10, possible: 10, late: false, defective: true },
        ],
      },
    ]);
    // products earn 10 + 7.5 + 6 + 7.5 = 31 of 40: 70 × 31/40 = 54.25; lost 7 of 40: 12.25
    expect(score.criteria[1]).toEqual({
      code: 'TASK_RESULTS', weight: 70, points: 54.25, penalty: 12.25,
      // each product's part: 70 × 10/40, 70 × 7.5/40 (lost 70 × 2.5/40), …
      products: [{ points: 17.5, penalty: 0 }, { points: 13.13, penalty: 4.38 }, { points: 10.5, penalty: 3.5 }, { points: 13.13, penalty: 4.38 }],
    });
    expect(score.criteria[0].products).toEqual([]);
    expect(score.points).toBe(84.25);
  });

  it.each([
    ['a missing criterion', [{ code: 'GENERAL', percent: 100 }], 'SCORE_MISSING'],
    ['an unknown criterion', [{ code: 'GENERAL', percent: 100 }, { code: 'TASK_RESULTS', percent: 90 }, { code: 'BONUS', percent: 5 }], 'SCORE_UNKNOWN_CRITERION'],
    ['a share above 100%', [{ code: 'GENERAL', percent: 101 }, { code: 'TASK_RESULTS', percent: 90 }], 'SCORE_OUT_OF_RANGE'],
    ['a product earning more than possible', [{ code: 'GENERAL', percent: 100 }, { code: 'TASK_RESULTS', products: [{ earned: 11, possible: 10, late: false, defective: false }] }], 'SCORE_OUT_OF_RANGE'],
  ])('refuses %s', (_case, scores, code) => {
    expect(() => scoreOf(decree335, scores)).toThrow(reason(code));
  });

  it('refuses to score under Decree 90, which rates by qualitative conditions', () => {
    expect(() => scoreOf(decree90, [{ code: 'GENERAL', percent: 100 }])).toThrow(reason('RULE_SET_NOT_POINT_BASED'));
  });
});
