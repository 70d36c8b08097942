import type { CadreRule } from '../rules/cadre-rule';
import { planningShares, type PlannedPerson } from './planning-shares.rules';

const rule = (code: string, amount: number): CadreRule => ({ code, qualifier: '', amount, validFrom: '2021-12-27', validTo: null, source: 'Quy định 50-QĐ/TW', article: 'Điều 5' });
const RULES = [rule('PLANNING_YOUNG_AGE', 45), rule('PLANNING_TARGET_YOUNG', 15), rule('PLANNING_TARGET_WOMEN', 25)];
const person = (birthDate: string | null, gender: string | null, ethnicity: string | null): PlannedPerson => ({ birthDate, gender, ethnicity });

describe('planning shares', () => {
  const list = [
    person('1985-01-01', 'FEMALE', 'Kinh'),
    person('1970-01-01', 'MALE', 'Khmer'),
    person('1975-01-01', 'MALE', 'Kinh'),
    person(null, null, null),
  ];

  it('counts young, women and ethnic minorities among distinct people, against the targets', () => {
    const shares = planningShares(list, RULES, '2025-01-01');
    expect(shares).toEqual([
      { group: 'YOUNG', count: 1, total: 4, withoutRecord: 1, percent: 25, targetPercent: 15, met: true, source: 'Quy định 50-QĐ/TW, Điều 5' },
      { group: 'WOMEN', count: 1, total: 4, withoutRecord: 1, percent: 25, targetPercent: 25, met: true, source: 'Quy định 50-QĐ/TW, Điều 5' },
      { group: 'ETHNIC_MINORITY', count: 1, total: 4, withoutRecord: 1, percent: 25, targetPercent: null, met: null, source: null },
    ]);
  });

  it('misses a target below it, and has none where the rule set has none', () => {
    const men = [person('1970-01-01', 'MALE', 'Kinh'), person('1971-01-01', 'MALE', 'Kinh')];
    expect(planningShares(men, RULES, '2025-01-01').map((share) => share.met)).toEqual([false, false, null]);
    expect(planningShares(men, [], '2025-01-01').map((share) => share.targetPercent)).toEqual([null, null, null]);
  });
});
