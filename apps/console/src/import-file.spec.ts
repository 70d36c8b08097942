import { base64Parts, importFormatOf, MAX_IMPORT_FILE_BYTES } from './import-file';

describe('an import file sent through the gateway', () => {
  it('knows CSV and Excel files by their name, whatever the case, and nothing else', () => {
    expect(importFormatOf('tai-khoan.csv')).toBe('CSV');
    expect(importFormatOf('Tài khoản Thành An.XLSX')).toBe('XLSX');
    expect(importFormatOf('tai-khoan.xls')).toBeNull();
    expect(importFormatOf('csv')).toBeNull();
  });

  it('cuts the base64 text into parts of at most 10,000 characters that join back into the file', () => {
    const bytes = new Uint8Array(20_000).map((_, index) => (index * 7) % 256);
    const parts = base64Parts(bytes);
    expect(parts).toHaveLength(3);
    expect(parts.every((part) => part.length <= 10_000)).toBe(true);
    expect(Buffer.from(parts.join(''), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps Vietnamese text intact and sends an empty file as no part', () => {
    const text = 'Tên đăng nhập,Họ,Tên\nadmin.thanhan2,Nguyễn,Văn A\n';
    const parts = base64Parts(new TextEncoder().encode(text), 8);
    expect(Buffer.from(parts.join(''), 'base64').toString('utf8')).toBe(text);
    expect(base64Parts(new Uint8Array(0))).toEqual([]);
  });

  it('allows a file as large as a 1 MB request can carry in base64', () => {
    expect(MAX_IMPORT_FILE_BYTES).toBe(786_432);
  });
});
