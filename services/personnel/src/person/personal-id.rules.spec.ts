import { Gender } from './person.kinds';
import { genderCenturyDigit, personalIdOf } from './personal-id.rules';

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { code: string; details: { reason: string } } }).extensions;
  }
  return null;
};

describe('personalIdOf', () => {
  it.each([
    ['074088001234', Gender.MALE, 1988],
    [' 074088001234 ', Gender.MALE, 1988],
    ['074188001234', Gender.FEMALE, 1988],
    ['001301000001', Gender.FEMALE, 2001],
    ['096099999999', Gender.MALE, 1999],
  ])('accepts %j (%s, %i)', (id, gender, year) => {
    expect(personalIdOf(id, gender, year)).toBe(id.trim());
  });

  it.each([
    ['07408800123', Gender.MALE, 1988, 'FORMAT'],
    ['0740880012345', Gender.MALE, 1988, 'FORMAT'],
    ['07408800123A', Gender.MALE, 1988, 'FORMAT'],
    ['000088001234', Gender.MALE, 1988, 'PROVINCE_CODE'],
    ['097088001234', Gender.MALE, 1988, 'PROVINCE_CODE'],
    ['074188001234', Gender.MALE, 1988, 'GENDER_CENTURY_CODE'],
    ['074088001234', Gender.FEMALE, 1988, 'GENDER_CENTURY_CODE'],
    ['074088001234', Gender.MALE, 2088, 'GENDER_CENTURY_CODE'],
    ['074087001234', Gender.MALE, 1988, 'BIRTH_YEAR_DIGITS'],
  ])('refuses %j for %s born %i: %s, in Vietnamese first', (id, gender, year, reason) => {
    expect(reasonOf(() => personalIdOf(id, gender, year))).toEqual({ code: 'BAD_USER_INPUT', details: { reason } });
    expect(() => personalIdOf(id, gender, year)).toThrow(/^Số định danh cá nhân không hợp lệ: .* \/ Invalid personal ID: /);
  });
});

describe('genderCenturyDigit', () => {
  it.each([
    [Gender.MALE, 1900, 0],
    [Gender.FEMALE, 1999, 1],
    [Gender.MALE, 2000, 2],
    [Gender.FEMALE, 2099, 3],
    [Gender.FEMALE, 2399, 9],
  ])('%s born %i: %i', (gender, year, digit) => {
    expect(genderCenturyDigit(gender, year)).toBe(digit);
  });

  it('has no digit before 1900', () => {
    expect(genderCenturyDigit(Gender.MALE, 1899)).toBeNull();
  });
});
