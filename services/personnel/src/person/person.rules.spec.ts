import { birthYearOf, checkBirthYear, detailOf, fullNameOf } from './person.rules';

describe('fullNameOf', () => {
  it('trims and collapses inner spaces', () => {
    expect(fullNameOf('  Nguyễn   Văn  An ')).toBe('Nguyễn Văn An');
  });

  it.each(['   ', 'A'.repeat(201)])('refuses %j', (name) => {
    expect(() => fullNameOf(name)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('accepts 200 characters', () => {
    expect(fullNameOf('A'.repeat(200))).toHaveLength(200);
  });
});

describe('checkBirthYear', () => {
  it('keeps an absent year absent', () => {
    expect(checkBirthYear(undefined, 2025)).toBeNull();
  });

  it.each([1900, 2025])('accepts %i', (year) => {
    expect(checkBirthYear(year, 2025)).toBe(year);
  });

  it.each([1899, 2026])('refuses %i, naming the bounds', (year) => {
    expect(() => checkBirthYear(year, 2025)).toThrow(/Năm sinh phải từ 1900 đến 2025/);
  });
});

describe('birthYearOf', () => {
  it('takes the year from the birth date, and accepts a stated year that agrees', () => {
    expect(birthYearOf('1988-03-04', undefined, 2025)).toBe(1988);
    expect(birthYearOf('1988-03-04', 1988, 2025)).toBe(1988);
  });

  it('refuses a stated year that disagrees, and a birth date in a later year', () => {
    expect(() => birthYearOf('1988-03-04', 1989, 2025)).toThrow(/Năm sinh 1989 không khớp ngày sinh 1988-03-04/);
    expect(() => birthYearOf('2026-01-01', undefined, 2025)).toThrow(/Năm sinh phải từ 1900 đến 2025/);
  });
});

describe('detailOf', () => {
  const label = { vi: 'Tôn giáo', en: 'Religion' };

  it('trims a detail and makes an optional blank one none', () => {
    expect(detailOf(label, '  Phật   giáo ', false)).toBe('Phật giáo');
    expect(detailOf(label, '  ', false)).toBeNull();
    expect(detailOf(label, undefined, false)).toBeNull();
  });

  it.each([['  ', true], ['A'.repeat(201), false]])('refuses %j (required: %s)', (value, required) => {
    expect(() => detailOf(label, value, required)).toThrow(/Tôn giáo phải có từ 1 đến 200 ký tự/);
  });
});
