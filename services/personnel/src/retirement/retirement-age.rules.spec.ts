import { retirementAgeIn, retirementOf, type RetirementAgeRule } from './retirement-age.rules';

const rule = (gender: string, validFrom: string, validTo: string | null, baseMonths: number, stepMonths: number, maxMonths: number): RetirementAgeRule => ({
  gender, validFrom, validTo, baseMonths, stepMonths, maxMonths, source: 'test', article: 'test',
});
// As the cadre-rules migration records them (Labour Code 2012 → 2019 with Decree 135/2020).
const RULES = [
  rule('MALE', '2013-05-01', '2021-01-01', 720, 0, 720),
  rule('FEMALE', '2013-05-01', '2021-01-01', 660, 0, 660),
  rule('MALE', '2021-01-01', null, 723, 3, 744),
  rule('FEMALE', '2021-01-01', null, 664, 4, 720),
];

describe('retirement age', () => {
  it('rises 3 months a year for men to 62 in 2028, 4 months a year for women to 60 in 2035', () => {
    expect(retirementAgeIn(RULES.filter((r) => r.gender === 'MALE'), 2021)?.months).toBe(723);
    expect(retirementAgeIn(RULES.filter((r) => r.gender === 'MALE'), 2028)?.months).toBe(744);
    expect(retirementAgeIn(RULES.filter((r) => r.gender === 'MALE'), 2040)?.months).toBe(744);
    expect(retirementAgeIn(RULES.filter((r) => r.gender === 'FEMALE'), 2035)?.months).toBe(720);
    expect(retirementAgeIn(RULES.filter((r) => r.gender === 'FEMALE'), 2034)?.months).toBe(716);
  });

  it('applies the age of the year it is reached in (Decree 135/2020, Appendix I)', () => {
    expect(retirementOf(RULES, 'MALE', '1961-01-15')).toMatchObject({ date: '2021-04-15', age: { vi: '60 năm 3 tháng' } });
    expect(retirementOf(RULES, 'MALE', '1961-11-01')).toMatchObject({ date: '2022-05-01', ageMonths: 726 });
    expect(retirementOf(RULES, 'FEMALE', '1966-01-10')).toMatchObject({ date: '2021-05-10', ageMonths: 664 });
    expect(retirementOf(RULES, 'MALE', '1985-06-30')).toMatchObject({ date: '2047-06-30', ageMonths: 744 });
  });

  it('keeps the earlier rule for someone who reached it before 2021', () => {
    expect(retirementOf(RULES, 'MALE', '1960-05-15')).toMatchObject({ date: '2020-05-15', ageMonths: 720 });
  });

  it('has no answer when no rule covers the years', () => {
    expect(retirementOf(RULES, 'MALE', '1930-01-01')).toBeNull();
  });
});
