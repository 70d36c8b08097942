import ExcelJS from 'exceljs';
import { ImportFormat, readSheet } from './reader';

const COLUMNS = ['Họ và tên', 'Số CCCD', 'Ngày sinh'];
const cells = async (format: ImportFormat, content: Buffer) =>
  (await readSheet(format, content, COLUMNS)).map(({ row, cells: values }) => ({ row, ...Object.fromEntries(values) }));

describe('readSheet (CSV)', () => {
  it('reads rows by header (BOM, case, spacing and column order aside), numbering them as in the file', async () => {
    const csv = '\uFEFFSố  cccd,HỌ VÀ TÊN,Ghi chú,Ngày sinh\n074088001234, Lê Thị Hoa ,x,04/03/1988\n\n"075088001234","Trần ""Văn"" B",,1988-03-04\n';
    expect(await cells(ImportFormat.CSV, Buffer.from(csv))).toEqual([
      { row: 2, 'Họ và tên': 'Lê Thị Hoa', 'Số CCCD': '074088001234', 'Ngày sinh': '04/03/1988' },
      { row: 4, 'Họ và tên': 'Trần "Văn" B', 'Số CCCD': '075088001234', 'Ngày sinh': '1988-03-04' },
    ]);
  });

  it('refuses a file without the columns, naming them', async () => {
    await expect(readSheet(ImportFormat.CSV, Buffer.from('Họ và tên\nA\n'), COLUMNS)).rejects.toMatchObject({
      extensions: { code: 'IMPORT_COLUMNS_MISSING', details: { missing: ['Số CCCD', 'Ngày sinh'] } },
    });
  });

  it.each([['a header only', 'Họ và tên,Số CCCD,Ngày sinh\n'], ['nothing', '']])('refuses %s as empty', async (_name, csv) => {
    await expect(readSheet(ImportFormat.CSV, Buffer.from(csv), COLUMNS)).rejects.toMatchObject({ extensions: { code: 'IMPORT_FILE_EMPTY' } });
  });

  it('refuses text that is not CSV (an unclosed quote)', async () => {
    await expect(readSheet(ImportFormat.CSV, Buffer.from('Họ và tên,Số CCCD,Ngày sinh\n"A,1,2\n'), COLUMNS)).rejects.toMatchObject({
      extensions: { code: 'IMPORT_FILE_UNREADABLE' },
    });
  });
});

describe('readSheet (XLSX)', () => {
  it('reads the first sheet: dates as YYYY-MM-DD, numbers and rich text as their text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hồ sơ');
    sheet.addRow(['Ngày sinh', 'Họ và tên', 'Số CCCD']);
    sheet.addRow([new Date(Date.UTC(1988, 2, 4)), { richText: [{ text: 'Lê Thị ' }, { text: 'Hoa' }] }, '074088001234']);
    sheet.addRow([]);
    sheet.addRow(['1990-01-02', 'B', 74088001234]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await cells(ImportFormat.XLSX, content)).toEqual([
      { row: 2, 'Họ và tên': 'Lê Thị Hoa', 'Số CCCD': '074088001234', 'Ngày sinh': '1988-03-04' },
      { row: 4, 'Họ và tên': 'B', 'Số CCCD': '74088001234', 'Ngày sinh': '1990-01-02' },
    ]);
  });

  it('refuses bytes that are no workbook', async () => {
    await expect(readSheet(ImportFormat.XLSX, Buffer.from('Họ và tên,Số CCCD\n'), COLUMNS)).rejects.toMatchObject({
      extensions: { code: 'IMPORT_FILE_UNREADABLE', details: { format: 'XLSX' } },
    });
  });
});
