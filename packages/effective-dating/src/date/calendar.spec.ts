import { addMonths, monthsBetween } from './calendar';

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 36, '2027-01-31'],
    ['2024-02-29', 36, '2027-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-11-15', 2, '2025-01-15'],
    ['2025-01-15', -2, '2024-11-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('monthsBetween', () => {
  it.each([
    ['2025-01-15', '2028-01-14', 35],
    ['2025-01-15', '2028-01-15', 36],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-05-10', '2024-05-01', 0],
    ['2028-01-15', '2025-01-16', -35],
    ['2028-01-15', '2025-01-15', -36],
  ])('counts from %s to %s as %i whole months', (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });
});
