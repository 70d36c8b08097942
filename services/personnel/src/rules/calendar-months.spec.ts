import { addMonths, ageOn, monthsBetween, yearsAndMonths } from './calendar-months';

describe('calendar months', () => {
  it('adds months, keeping the day or taking the month’s last', () => {
    expect(addMonths('1961-01-15', 723)).toBe('2021-04-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-01', -3)).toBe('2024-12-01');
  });

  it('counts a month once its day is reached', () => {
    expect(monthsBetween('2025-01-15', '2028-01-14')).toBe(35);
    expect(monthsBetween('2025-01-15', '2028-01-15')).toBe(36);
    expect(monthsBetween('2028-01-15', '2025-01-16')).toBe(-35);
  });

  it('gives whole years of age and names a duration in both languages', () => {
    expect(ageOn('1980-06-30', '2025-06-29')).toBe(44);
    expect(ageOn('1980-06-30', '2025-06-30')).toBe(45);
    expect(yearsAndMonths(735)).toEqual({ vi: '61 năm 3 tháng', en: '61 years 3 months' });
  });
});
