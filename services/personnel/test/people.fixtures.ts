import ExcelJS from 'exceljs';
import { PEOPLE_COLUMNS } from '../src/import/import.columns';
import { Gender } from '../src/person/person.kinds';
import { genderCenturyDigit } from '../src/person/personal-id.rules';

/** One row of a people file, by header. */
export type PeopleFileRow = Record<(typeof PEOPLE_COLUMNS)[keyof typeof PEOPLE_COLUMNS], string>;

const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng'];
const CATEGORIES = ['Cán bộ', 'Công chức', 'Viên chức', 'Người lao động'];

/**
 * `count` fictional people ("… Mẫu 000001"), the same on every call: spread over `units`, born
 * 1960–1999, personal IDs under `province` (000, never issued, for demo loads) with a serial
 * of six digits from `firstSerial`.
 */
export function fictionalPeople(count: number, options: { province: string; units: readonly string[]; firstSerial?: number }): PeopleFileRow[] {
  return Array.from({ length: count }, (_, index) => {
    const serial = (options.firstSerial ?? 1) + index;
    const gender = index % 5 < 3 ? Gender.MALE : Gender.FEMALE;
    const year = 1960 + (index % 40);
    const birthDate = `${year}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
    return {
      'Họ và tên': `${FAMILY_NAMES[index % FAMILY_NAMES.length]} ${gender === Gender.MALE ? 'Văn' : 'Thị'} Mẫu ${String(serial).padStart(6, '0')}`,
      'Số CCCD': `${options.province}${genderCenturyDigit(gender, year)}${String(year).slice(2)}${String(serial).padStart(6, '0')}`,
      'Ngày sinh': `${birthDate.slice(8)}/${birthDate.slice(5, 7)}/${year}`,
      'Giới tính': gender === Gender.MALE ? 'Nam' : 'Nữ',
      'Dân tộc': 'Kinh',
      'Tôn giáo': index % 7 === 0 ? 'Phật giáo' : 'Không',
      'Quê quán': 'Dữ liệu mẫu – Bình Dương',
      'Đối tượng': CATEGORIES[index % CATEGORIES.length],
      'Mã đơn vị': options.units[index % options.units.length],
    };
  });
}

const HEADERS = Object.values(PEOPLE_COLUMNS);

/** The rows as a CSV file (the fixtures' values carry no comma, quote or line break). */
export function peopleCsv(rows: readonly PeopleFileRow[]): Buffer {
  return Buffer.from([HEADERS.join(','), ...rows.map((row) => HEADERS.map((header) => row[header]).join(','))].join('\n') + '\n');
}

/** The rows as an .xlsx workbook of one sheet, every cell text (as a personal ID must be, to keep its leading zeros). */
export async function peopleXlsx(rows: readonly PeopleFileRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hồ sơ');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(HEADERS.map((header) => row[header]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
