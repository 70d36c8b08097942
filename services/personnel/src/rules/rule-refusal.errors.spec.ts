import { breachesOf, ruleOf, type CadreRule, type RuleCheck } from './cadre-rule';
import { refuseOnBreach, RuleRefusalError } from './rule-refusal.errors';

const rule = (code: string, amount: number | null, qualifier = ''): CadreRule => ({
  code, qualifier, amount, validFrom: '2022-04-28', validTo: null, source: 'Quy định 65-QĐ/TW ngày 28/04/2022', article: 'Điều 4',
});
const atMost: RuleCheck<{ value: number }> = (limit, { value }) =>
  value <= (limit.amount ?? 0) ? null : { reason: { vi: `Vượt ${limit.amount}`, en: `Above ${limit.amount}` }, facts: { value } };

describe('rules as data', () => {
  const rules = [rule('A_LIMIT', 3), rule('B_LIMIT', 5), rule('C_UNCHECKED', 0)];
  const checks = { A_LIMIT: atMost, B_LIMIT: atMost };

  it('runs the check of each rule the set has, with the set’s values, and skips codes without a check', () => {
    expect(breachesOf(rules, checks, { value: 3 })).toEqual([]);
    expect(breachesOf(rules, checks, { value: 6 }).map((breach) => breach.rule.code)).toEqual(['A_LIMIT', 'B_LIMIT']);
    expect(breachesOf([rule('A_LIMIT', 10)], checks, { value: 6 })).toEqual([]);
  });

  it('finds a rule by code and qualifier', () => {
    expect(ruleOf([rule('WAIT', 24, 'REPRIMAND'), rule('WAIT', 36, 'WARNING')], 'WAIT', 'WARNING')?.amount).toBe(36);
  });

  it('refuses with the first broken rule’s code, its source and article in the message and details, and the others named', () => {
    const refusal = (() => {
      try {
        refuseOnBreach(breachesOf(rules, checks, { value: 6 }));
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(RuleRefusalError);
    expect(refusal).toMatchObject({
      message: 'Vượt 3 (Quy định 65-QĐ/TW ngày 28/04/2022, Điều 4) / Above 3 (Quy định 65-QĐ/TW ngày 28/04/2022, Điều 4)',
      extensions: { code: 'A_LIMIT', details: { rule: 'A_LIMIT', qualifier: null, source: 'Quy định 65-QĐ/TW ngày 28/04/2022', article: 'Điều 4', value: 6, alsoBroken: ['B_LIMIT'] } },
    });
    expect(() => refuseOnBreach([])).not.toThrow();
  });
});
