import { folded, nameMatches } from './search';

describe('searching people by name', () => {
  it('folds Vietnamese diacritics and đ, so names are found as typed on any keyboard', () => {
    expect(folded('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(nameMatches('Trần Thị Hồng Nhung', 'tran nhung')).toBe(true);
    expect(nameMatches('Trần Thị Hồng Nhung', 'Hồng')).toBe(true);
    expect(nameMatches('Đặng Văn Mẫu 0630', 'dang mau')).toBe(true);
    expect(nameMatches('Trần Thị Hồng Nhung', 'tran lan')).toBe(false);
    expect(nameMatches('Trần Thị Hồng Nhung', '   ')).toBe(true);
  });
});
