import ExcelJS from 'exceljs';
import { PEOPLE_COLUMNS } from '../src/import/import.columns';
import { Gender } from '../src/person/person.kinds';
import { genderCenturyDigit } from '../src/person/personal-id.rules';

/** One row of a people file, by header. */
export type PeopleFileRow = Record<(typeof PEOPLE_COLUMNS)[keyof typeof PEOPLE_COLUMNS], string>;

const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng'];
/** The file's 'Đối tượng' words for the categories a district's organization board manages in a commune before 1 July 2025: cadres. */
export const CADRES = ['Cán bộ'] as const;
/** The categories its home-affairs office manages there: civil servants, public employees and workers. */
export const HOME_AFFAIRS_CATEGORIES = ['Công chức', 'Viên chức', 'Người lao động'] as const;
const CATEGORIES = [...CADRES, ...HOME_AFFAIRS_CATEGORIES];

interface FictionalOptions {
  province: string;
  units: readonly string[];
  firstSerial?: number;
  /** The categories taken in turn (all four by default, which no one body manages together). */
  categories?: readonly string[];
}

/**
 * `count` fictional people ("… Mẫu 000001"), the same on every call: spread over `units`, born
 * 1960–1999, personal IDs under `province` (000, never issued, for demo loads) with a serial
 * of six digits from `firstSerial`.
 */
export function fictionalPeople(count: number, options: FictionalOptions): PeopleFileRow[] {
  const categories = options.categories ?? CATEGORIES;
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
      'Đối tượng': categories[index % categories.length],
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
