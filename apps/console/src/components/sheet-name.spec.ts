import { sheetName } from './sheet-name';

describe('the Excel export’s worksheet name', () => {
  it('drops the characters Excel refuses and keeps 31 characters', () => {
    expect(sheetName('Thống kê 720: 1999-12-31 → 2013-12-31')).toBe('Thống kê 720 1999-12-31 → 2013-');
    expect(sheetName('a/b\\c?d*e[f]g')).toBe('a b c d e f g');
    expect(sheetName(':::')).toBe('Sheet1');
  });
});
