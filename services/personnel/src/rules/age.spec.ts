import { ageOn, yearsAndMonths } from './age';

describe('age', () => {
  it('gives whole years of age, a year counted on the birthday', () => {
    expect(ageOn('1980-06-30', '2025-06-29')).toBe(44);
    expect(ageOn('1980-06-30', '2025-06-30')).toBe(45);
  });

  it('names a duration in both languages', () => {
    expect(yearsAndMonths(735)).toEqual({ vi: '61 năm 3 tháng', en: '61 years 3 months' });
    expect(yearsAndMonths(744)).toEqual({ vi: '62 năm', en: '62 years' });
  });
});
