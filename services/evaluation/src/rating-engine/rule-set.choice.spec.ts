import { RuleSubject } from '../rule-set/rule-set.kinds';
import { SHIPPED_RULE_SETS } from '../rule-set/shipped.rule-sets';
import { judgedOn, pickRuleSet, yearEnd } from './rule-set.choice';

const notInForce = expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_IN_FORCE' }) });

describe('pickRuleSet: the date judged decides, not today', () => {
  it.each([
    [RuleSubject.CIVIL_SERVANT, yearEnd(2025), 'ND90-2020-CIVIL_SERVANT'],
    [RuleSubject.CIVIL_SERVANT, '2026-01-01', 'ND335-2025-CIVIL_SERVANT'],
    [RuleSubject.CIVIL_SERVANT, yearEnd(2026), 'ND335-2025-CIVIL_SERVANT'],
    [RuleSubject.PUBLIC_EMPLOYEE, yearEnd(2026), 'ND90-2020-PUBLIC_EMPLOYEE'],
    [RuleSubject.PARTY_MEMBER, yearEnd(2024), 'QD124-2023-PARTY_MEMBER'],
    [RuleSubject.PARTY_MEMBER, '2025-08-29', 'QD124-2023-PARTY_MEMBER'],
    [RuleSubject.PARTY_MEMBER, '2025-08-30', 'QD366-2025-PARTY_MEMBER'],
    [RuleSubject.PARTY_ORGANIZATION, yearEnd(2025), 'QD366-2025-PARTY_ORGANIZATION'],
  ])('%s judged on %s: %s', (subject, date, code) => {
    expect(pickRuleSet(SHIPPED_RULE_SETS, subject, date).code).toBe(code);
  });

  it('judges a quarter on its last day: Q4 2025 by Decree 90, Q1 2026 by Decree 335', () => {
    expect(pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, judgedOn({ from: '2025-10-01', to: '2025-12-31' })).code).toBe('ND90-2020-CIVIL_SERVANT');
    expect(pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, judgedOn({ from: '2026-01-01', to: '2026-03-31' })).code).toBe('ND335-2025-CIVIL_SERVANT');
  });

  it('refuses a date no set covers, naming the subject and the date', () => {
    expect(() => pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.PARTY_MEMBER, '2019-12-31')).toThrow(notInForce);
    expect(() => pickRuleSet(SHIPPED_RULE_SETS, RuleSubject.CIVIL_SERVANT, '2019-12-31')).toThrow(/CIVIL_SERVANT.*2019-12-31/);
  });
});
