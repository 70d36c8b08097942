import { checkBirthYear, fullNameOf } from './person.rules';

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
