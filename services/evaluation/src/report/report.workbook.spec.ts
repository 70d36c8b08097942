import { Readable } from 'node:stream';
import { Workbook } from 'exceljs';
import { RatingLevel } from '../rating/rating.entity';
import { ratingReportOf, type ReportCount } from './report.tables';
import { organizationLabel, ratingReportWorkbook } from './report.workbook';

const NAMED = '1a000000-0000-4000-8000-000000000001';
const UNNAMED = '1a000000-0000-4000-8000-000000000002';
const count = (organizationId: string, organizationName: string | null, leader: boolean): ReportCount => ({
  rowCode: '25801', unitCode: '25801', unitName: 'Xã An Lập', organizationId, organizationName, leader, level: RatingLevel.HTT, count: 1,
});

describe('organizationLabel', () => {
  it('names an organization by its name, by its id while no name is known', () => {
    expect(organizationLabel({ organizationId: NAMED, organizationName: 'Đảng ủy xã An Lập' })).toBe('Đảng ủy xã An Lập');
    expect(organizationLabel({ organizationId: UNNAMED, organizationName: null })).toBe(UNNAMED);
  });
});

describe('ratingReportWorkbook', () => {
  it('prints the organizations’ names first and their ids in the last column', async () => {
    const report = ratingReportOf({
      unit: { code: '25801', name: 'Xã An Lập' }, children: [], year: 2025, asOf: '2026-01-31',
      counts: [count(NAMED, 'Đảng ủy xã An Lập', true), count(NAMED, 'Đảng ủy xã An Lập', false), count(UNNAMED, null, false)],
      leaders: [{ organizationId: NAMED, personId: 'p', fullName: 'Lê Văn Trưởng', titleCode: 'BI_THU', level: RatingLevel.HTT }],
    });
    const workbook = new Workbook();
    await workbook.xlsx.read(Readable.from([Buffer.from((await ratingReportWorkbook(report)).contentBase64, 'base64')]));
    const line = (sheet: string, row: number) => (workbook.getWorksheet(sheet)?.getRow(row).values as unknown[]).slice(1);
    expect(line('Theo tổ chức', 4)).toEqual(expect.arrayContaining(['Tổ chức', 'Mã tổ chức']));
    expect(line('Theo tổ chức', 5)).toEqual([1, 'Đảng ủy xã An Lập', 'Xã An Lập', 2, 0, 0, 2, 100, 0, 0, 0, 0, NAMED]);
    expect(line('Theo tổ chức', 6)).toEqual([2, UNNAMED, 'Xã An Lập', 1, 0, 0, 1, 100, 0, 0, 0, 0, UNNAMED]);
    expect(line('Theo người đứng đầu', 5)).toEqual([1, 'Đảng ủy xã An Lập', 'Xã An Lập', 'Lê Văn Trưởng', 'BI_THU', 'HTT', 'Không', 1, 0, 0, 1, 100, 0, 0, 0, 0, NAMED]);
  });
});
