import { FamilyRelation } from './family-member.kinds';
import { familyDetailsOf, type FamilyDetailsInput } from './family-member.rules';

const SON: FamilyDetailsInput = { relation: FamilyRelation.CHILD, fullName: '  Nguyễn   Văn Bình ', birthYear: 2015, occupation: ' Học sinh ', residence: '' };
const refusal = (input: FamilyDetailsInput, date = '2025-03-01', personBirthYear: number | null = 1990) => {
  let refused: { extensions: Record<string, unknown> } | undefined;
  try {
    familyDetailsOf(input, date, personBirthYear);
  } catch (error) {
    refused = error as { extensions: Record<string, unknown> };
  }
  expect(refused).toBeDefined();
  return refused?.extensions;
};

describe('familyDetailsOf', () => {
  it('trims the name and texts, and makes a blank optional text none', () => {
    expect(familyDetailsOf(SON, '2025-03-01', 1990)).toEqual({
      relation: 'CHILD', fullName: 'Nguyễn Văn Bình', birthYear: 2015, occupation: 'Học sinh', residence: null,
    });
  });

  it('refuses a blank or overlong name by the e-file’s full-name rule', () => {
    expect(refusal({ ...SON, fullName: '   ' })).toEqual({ code: 'BAD_USER_INPUT', details: { reason: 'NAME_LENGTH' } });
    expect(refusal({ ...SON, fullName: 'A'.repeat(201) })).toMatchObject({ details: { reason: 'NAME_LENGTH' } });
  });

  it.each([1899, 2026])('refuses birth year %i: before 1900 or after the change’s year', (birthYear) => {
    expect(refusal({ ...SON, relation: FamilyRelation.SIBLING, birthYear }, '2025-12-31')).toMatchObject({
      code: 'BAD_USER_INPUT', details: { reason: 'BIRTH_YEAR_RANGE', birthYear },
    });
  });

  it('accepts a child born in the change’s year', () => {
    expect(familyDetailsOf({ ...SON, birthYear: 2025 }, '2025-01-01', 1990).birthYear).toBe(2025);
  });

  it('refuses a parent not born before the person, and a child not born after', () => {
    expect(refusal({ ...SON, relation: FamilyRelation.MOTHER, birthYear: 1990 })).toMatchObject({
      details: { reason: 'FAMILY_BIRTH_YEAR_ORDER', relation: 'MOTHER', birthYear: 1990 },
    });
    expect(refusal({ ...SON, birthYear: 1985 })).toMatchObject({ details: { reason: 'FAMILY_BIRTH_YEAR_ORDER', relation: 'CHILD' } });
  });

  it('leaves the order unchecked for siblings, the spouse’s side, and a person without a birth year', () => {
    expect(familyDetailsOf({ ...SON, relation: FamilyRelation.SPOUSE_FATHER, birthYear: 1995 }, '2025-03-01', 1990).birthYear).toBe(1995);
    expect(familyDetailsOf({ ...SON, relation: FamilyRelation.FATHER, birthYear: 1995 }, '2025-03-01', null).birthYear).toBe(1995);
  });

  it('refuses an occupation or residence over 200 characters', () => {
    expect(refusal({ ...SON, occupation: 'x'.repeat(201) })).toMatchObject({ details: { reason: 'DETAIL_LENGTH' } });
    expect(refusal({ ...SON, residence: 'x'.repeat(201) })).toMatchObject({ details: { reason: 'DETAIL_LENGTH' } });
  });
});
