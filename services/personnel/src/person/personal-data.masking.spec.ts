import { FamilyRelation } from '../family/family-member.kinds';
import { fieldsHeld, maskBirthDate, maskFamilyMember, maskHomePlace, maskMemberName, maskPersonalData, maskPersonalId } from './personal-data.masking';

const FATHER = {
  id: 'f', relation: FamilyRelation.FATHER, fullName: 'Nguyễn Văn An', birthYear: 1950, occupation: 'Nông dân', residence: 'Xã Định An, Dầu Tiếng, Bình Dương',
};

describe('masking personal data', () => {
  it.each([
    ['074188001234', '0********234'],
    ['001301000001', '0********001'],
    ['1234', '****'],
    ['12345', '1*345'],
  ])('keeps the first digit and the last three of %s: %s', (personalId, masked) => {
    expect(maskPersonalId(personalId)).toBe(masked);
    expect(maskPersonalId(personalId)).toHaveLength(personalId.length);
  });

  it('keeps the birth year only', () => {
    expect(maskBirthDate('1988-03-04')).toBe('1988');
  });

  it.each([
    ['Xã An Lập, Dầu Tiếng, Bình Dương', 'Bình Dương'],
    ['Định An,Bình Dương ', 'Bình Dương'],
    ['Bình Dương', '***'],
    ['Xã An Lập, ', '***'],
  ])('keeps the province of %j: %j', (homePlace, masked) => {
    expect(maskHomePlace(homePlace)).toBe(masked);
  });

  it('masks every value and leaves an absent one absent', () => {
    const values = { personalId: '074188001234', birthDate: '1988-03-04', homePlace: 'Xã An Lập, Dầu Tiếng, Bình Dương', ethnicity: 'Khmer', religion: 'Phật giáo', family: [FATHER] };
    expect(maskPersonalData(values)).toEqual({
      personalId: '0********234',
      birthDate: '1988',
      homePlace: 'Bình Dương',
      ethnicity: '***',
      religion: '***',
      family: [{ id: 'f', relation: 'FATHER', fullName: 'Nguyễn V. A.', birthYear: null, occupation: '***', residence: 'Bình Dương' }],
    });
    const absent = { personalId: null, birthDate: null, homePlace: null, ethnicity: null, religion: null, family: [] };
    expect(maskPersonalData(absent)).toEqual(absent);
  });
});

describe('masking family details', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V. A.'],
    ['Nguyễn Thị Minh Khai', 'Nguyễn T. M. K.'],
    ['Đặng  ánh', 'Đặng Á.'],
    ['Lan', 'L.'],
  ])('keeps the family name and the initials of %j: %j', (fullName, masked) => {
    expect(maskMemberName(fullName)).toBe(masked);
  });

  it('keeps the relation and id, hides the birth year and occupation, and leaves absent texts absent', () => {
    expect(maskFamilyMember({ ...FATHER, occupation: null, residence: 'Hà Nội' })).toEqual({
      id: 'f', relation: 'FATHER', fullName: 'Nguyễn V. A.', birthYear: null, occupation: null, residence: '***',
    });
  });

  it('names as read only the fields that hold data: family when a member is on the file', () => {
    const file = { personalId: '074188001234', birthDate: '1988-03-04', homePlace: 'Bình Dương', ethnicity: 'Kinh', religion: null, family: [] };
    const none = { personalId: null, birthDate: null, homePlace: null, ethnicity: null, religion: null };
    expect(fieldsHeld(file)).toEqual(['personalId', 'birthDate', 'homePlace', 'ethnicity']);
    expect(fieldsHeld({ ...file, religion: 'Công giáo', family: [FATHER] })).toEqual(['personalId', 'birthDate', 'homePlace', 'ethnicity', 'religion', 'family']);
    expect(fieldsHeld({ ...none, family: [FATHER] })).toEqual(['family']);
    expect(fieldsHeld({ ...none, family: [] })).toEqual([]);
  });
});
