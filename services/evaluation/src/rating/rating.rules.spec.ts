import { checkRatedYear, subjectNameOf } from './rating.rules';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

describe('checkRatedYear', () => {
  it.each([
    [1990, '1991-01-15'],
    [2024, '2024-12-20'],
    [2024, '2025-01-15'],
  ])('accepts %i taking effect on %s', (year, date) => {
    expect(checkRatedYear(year, date, 2025)).toBe(year);
  });

  it.each([
    [1989, '1990-01-15'],
    [2026, '2026-01-15'],
  ])('refuses %i, outside 1990 to the current year', (year, date) => {
    expect(() => checkRatedYear(year, date, 2025)).toThrow(/Năm xếp loại phải từ 1990 đến 2025/);
  });

  it('refuses a rating that takes effect before the year it rates', () => {
    expect(() => checkRatedYear(2025, '2024-12-31', 2025)).toThrow(badInput);
  });
});

describe('subjectNameOf', () => {
  it('trims the name and refuses a blank one', () => {
    expect(subjectNameOf('  Lê Thị Hoa ')).toBe('Lê Thị Hoa');
    expect(() => subjectNameOf('   ')).toThrow(badInput);
  });
});
