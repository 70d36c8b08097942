import { Workbook, type Worksheet } from 'exceljs';
import type { RatingDistribution, RatingReport } from './report.types';
import { ReportFile } from './report.types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Vietnamese names of the levels, as the official tables head their columns. */
const LEVEL_HEADERS = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
];
const FIGURE_HEADERS = ['Tổng số', ...LEVEL_HEADERS.flatMap((level) => [`${level} (số lượng)`, `${level} (tỷ lệ %)`])];
/** The organization's id stays in the last column, to match the lines with other systems' files. */
const ORGANIZATION_ID = 'Mã tổ chức';

/** "Biểu tổng hợp kết quả đánh giá, xếp loại chất lượng năm 2025": the official tables' title. */
export function reportTitle(year: number): string {
  return `Biểu tổng hợp kết quả đánh giá, xếp loại chất lượng năm ${year}`;
}

/** Total, then count and share of each level: numbers stay numbers. */
function figures(ratings: RatingDistribution): number[] {
  return [
    ratings.total,
    ratings.excellent, ratings.excellentShare,
    ratings.good, ratings.goodShare,
    ratings.completed, ratings.completedShare,
    ratings.notCompleted, ratings.notCompletedShare,
  ];
}

/** A sheet with the title, the unit and date it is about, the column headers (row 4) and its lines. */
function addTable(workbook: Workbook, name: string, report: RatingReport, headers: string[], lines: Array<Array<string | number>>): Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([reportTitle(report.year)]).font = { bold: true, size: 13 };
  sheet.addRow([`${report.unitName} (${report.unitCode}) – mức xếp loại có hiệu lực đến ngày ${report.asOf}`]);
  sheet.addRow([]);
  sheet.addRow(['STT', ...headers]).font = { bold: true };
  lines.forEach((line, index) => sheet.addRow([index + 1, ...line]));
  sheet.columns.forEach((column) => (column.width = 16));
  return sheet;
}

/** An organization as a line of the tables names it: by its name, by its id while evaluation knows no name. */
export function organizationLabel(row: { organizationId: string; organizationName: string | null }): string {
  return row.organizationName ?? row.organizationId;
}

/**
 * The report as the official workbook: one sheet per unit, per organization and per head
 * (the head's accountability), each with its totals line; figures as numbers.
 */
export async function ratingReportWorkbook(report: RatingReport): Promise<ReportFile> {
  const workbook = new Workbook();
  const totals = ['Tổng cộng', ...figures(report.total)];
  addTable(workbook, 'Theo đơn vị', report, ['Đơn vị', ...FIGURE_HEADERS], [
    ...report.units.map((row) => [row.ownAgencies ? `${row.unitName} (cơ quan cấp mình)` : row.unitName, ...figures(row.ratings)]),
    totals,
  ]);
  addTable(workbook, 'Theo tổ chức', report, ['Tổ chức', 'Đơn vị', ...FIGURE_HEADERS, ORGANIZATION_ID], [
    ...report.organizations.map((row) => [organizationLabel(row), row.unitName, ...figures(row.ratings), row.organizationId]),
    [totals[0] as string, '', ...figures(report.total)],
  ]);
  const headHeaders = ['Tổ chức', 'Đơn vị', 'Người đứng đầu, cấp phó', 'Chức danh', 'Xếp loại của người đứng đầu', 'Có cán bộ không hoàn thành nhiệm vụ'];
  addTable(workbook, 'Theo người đứng đầu', report, [...headHeaders, ...FIGURE_HEADERS, ORGANIZATION_ID], report.heads.flatMap((row) => {
    const leaders = row.leaders.length > 0 ? row.leaders : [{ fullName: '—', titleCode: '—', level: '—' }];
    return leaders.map((leader) => [
      organizationLabel(row), row.unitName, leader.fullName, leader.titleCode, leader.level, row.staffNotCompleted ? 'Có' : 'Không', ...figures(row.staff), row.organizationId,
    ]);
  }));
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return Object.assign(new ReportFile(), {
    fileName: `bieu-tong-hop-xep-loai-${report.unitCode}-${report.year}.xlsx`,
    contentType: XLSX,
    contentBase64: content.toString('base64'),
  });
}
