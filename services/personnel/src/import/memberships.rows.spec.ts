import { MEMBERSHIP_COLUMNS } from './import.columns';
import { repeatsInFile } from './import.feature';
import { membershipRowOf } from './memberships.rows';

const ORGANIZATION = '5b0c6f47-5d5e-4c8f-9a47-7d4c1a3f0e21';
const GOOD = { 'Số CCCD': '074088001234', 'Mã tổ chức Đảng': ORGANIZATION, 'Ngày vào Đảng': '19/05/2000', 'Ngày chính thức': '19/05/2001', 'Số thẻ đảng viên': ' 74.000001 ' };
const row = (changes: Partial<Record<keyof typeof GOOD, string>> = {}) => ({
  row: 3,
  cells: new Map(Object.values(MEMBERSHIP_COLUMNS).map((header) => [header, ({ ...GOOD, ...changes } as Record<string, string>)[header] ?? ''])),
});

describe('membershipRowOf', () => {
  it('reads a row with the admission rules', () => {
    expect(membershipRowOf(row()).value).toEqual({
      row: 3, personalId: '074088001234', partyOrganizationId: ORGANIZATION, admissionDate: '2000-05-19', officialDate: '2001-05-19', cardNumber: '74.000001',
    });
    expect(membershipRowOf(row({ 'Ngày chính thức': '', 'Số thẻ đảng viên': '' })).value).toMatchObject({ officialDate: null, cardNumber: null });
  });

  it.each([
    [{ 'Ngày chính thức': '18/05/2000' }, 'Ngày chính thức', 'OFFICIAL_BEFORE_ADMISSION'],
    [{ 'Số thẻ đảng viên': 'số 12' }, 'Số thẻ đảng viên', 'CARD_NUMBER_FORMAT'],
    [{ 'Ngày vào Đảng': '' }, 'Ngày vào Đảng', 'REQUIRED'],
    [{ 'Mã tổ chức Đảng': '' }, 'Mã tổ chức Đảng', 'REQUIRED'],
  ])('refuses %j: %s, %s', (changes, field, code) => {
    expect(membershipRowOf(row(changes)).rejects).toEqual([expect.objectContaining({ row: 3, field, code })]);
  });
});

describe('repeatsInFile', () => {
  it('rejects each later row with a value an earlier row has, naming the first; blanks never repeat', () => {
    const rows = [{ row: 2, key: 'a' }, { row: 3, key: null }, { row: 4, key: 'a' }, { row: 5, key: null }, { row: 9, key: 'a' }];
    expect(repeatsInFile(rows, 'Số CCCD', (item) => item.key)).toEqual([
      { row: 4, field: 'Số CCCD', code: 'DUPLICATE_IN_FILE', message: 'Số CCCD trùng với dòng 2 của tệp / Số CCCD repeats row 2 of the file' },
      { row: 9, field: 'Số CCCD', code: 'DUPLICATE_IN_FILE', message: 'Số CCCD trùng với dòng 2 của tệp / Số CCCD repeats row 2 of the file' },
    ]);
  });
});
