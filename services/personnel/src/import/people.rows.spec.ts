import { VIETNAMESE_FIRST } from '@ps/testing';
import { Gender, PersonnelCategory } from '../person/person.kinds';
import { DEMO_PROVINCE_CODES, ISSUED_PROVINCE_CODES } from '../person/personal-id.rules';
import { PEOPLE_COLUMNS } from './import.columns';
import { personRowOf } from './people.rows';

const ISSUED = { provinces: ISSUED_PROVINCE_CODES };
const GOOD = {
  'Họ và tên': ' Lê  Thị Hoa ', 'Số CCCD': '074188001234', 'Ngày sinh': '4/3/1988', 'Giới tính': 'Nữ', 'Dân tộc': 'Kinh',
  'Tôn giáo': 'Không', 'Quê quán': 'Bình Dương', 'Đối tượng': 'Công chức', 'Mã đơn vị': '25801',
};
const row = (changes: Partial<Record<keyof typeof GOOD, string>> = {}, rowNumber = 7) => ({
  row: rowNumber,
  cells: new Map(Object.values(PEOPLE_COLUMNS).map((header) => [header, ({ ...GOOD, ...changes } as Record<string, string>)[header] ?? ''])),
});

describe('personRowOf', () => {
  it('reads a row as registerPerson records it', () => {
    expect(personRowOf(row(), ISSUED)).toEqual({
      value: {
        row: 7, fullName: 'Lê Thị Hoa', personalId: '074188001234', birthDate: '1988-03-04', birthYear: 1988, gender: Gender.FEMALE,
        ethnicity: 'Kinh', religion: null, homePlace: 'Bình Dương', category: PersonnelCategory.CIVIL_SERVANT, unitCode: '25801',
      },
    });
  });

  it.each([
    [{ 'Số CCCD': '074088001234' }, 'Số CCCD', 'GENDER_CENTURY_CODE'],
    [{ 'Số CCCD': '07418800123' }, 'Số CCCD', 'FORMAT'],
    [{ 'Số CCCD': '000188001234' }, 'Số CCCD', 'PROVINCE_CODE'],
    [{ 'Ngày sinh': '31/02/1988' }, 'Ngày sinh', 'DATE_FORMAT'],
    [{ 'Ngày sinh': '1899-12-31', 'Số CCCD': '074199001234' }, 'Ngày sinh', 'BIRTH_YEAR_RANGE'],
    [{ 'Giới tính': 'X' }, 'Giới tính', 'UNKNOWN_VALUE'],
    [{ 'Đối tượng': 'Bộ đội' }, 'Đối tượng', 'UNKNOWN_VALUE'],
    [{ 'Họ và tên': '  ' }, 'Họ và tên', 'REQUIRED'],
    [{ 'Họ và tên': 'A'.repeat(201) }, 'Họ và tên', 'NAME_LENGTH'],
    [{ 'Dân tộc': '' }, 'Dân tộc', 'DETAIL_LENGTH'],
    [{ 'Mã đơn vị': '' }, 'Mã đơn vị', 'REQUIRED'],
  ])('refuses %j: %s, %s, in Vietnamese first', (changes, field, code) => {
    const read = personRowOf(row(changes), ISSUED);
    expect(read.rejects).toEqual([{ row: 7, field, code, message: expect.stringMatching(VIETNAMESE_FIRST) }]);
  });

  it('reports every refused cell of a row', () => {
    expect(personRowOf(row({ 'Giới tính': '', 'Quê quán': '', 'Mã đơn vị': '' }), ISSUED).rejects?.map((reject) => reject.field)).toEqual([
      'Giới tính', 'Quê quán', 'Mã đơn vị',
    ]);
  });

  it('takes demo personal IDs (province 000) only in a demo load, and then no real one', () => {
    const demo = { provinces: DEMO_PROVINCE_CODES };
    expect(personRowOf(row({ 'Số CCCD': '000188001234' }), demo).value?.personalId).toBe('000188001234');
    expect(personRowOf(row(), demo).rejects?.[0]).toMatchObject({ code: 'PROVINCE_CODE', message: expect.stringContaining('000–000') });
  });
});
