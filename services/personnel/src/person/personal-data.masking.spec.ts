import { maskBirthDate, maskHomePlace, maskPersonalData, maskPersonalId } from './personal-data.masking';

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
    expect(maskPersonalData({ personalId: '074188001234', birthDate: '1988-03-04', homePlace: 'Xã An Lập, Dầu Tiếng, Bình Dương' })).toEqual({
      personalId: '0********234',
      birthDate: '1988',
      homePlace: 'Bình Dương',
    });
    expect(maskPersonalData({ personalId: null, birthDate: null, homePlace: null })).toEqual({ personalId: null, birthDate: null, homePlace: null });
  });
});
