import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { EmptyImportFileError, ImportColumnsMissingError, UnreadableImportFileError } from './errors';

/** The formats an import file comes in. */
export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

/** One data row: its number as in the file (the header is row 1) and its cells by column header. */
export interface SheetRow {
  row: number;
  cells: ReadonlyMap<string, string>;
}

/** How a header is compared: Unicode NFC, case and runs of spaces aside ("Số  CCCD" is "số cccd"). */
export const headerKey = (header: string) => header.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The data rows of a CSV or .xlsx file (its first sheet), keyed by the `columns` it must have
 * (spelt as given there; other columns are ignored). Blank rows are skipped.
 */
export async function readSheet(format: ImportFormat, content: Buffer, columns: readonly string[]): Promise<SheetRow[]> {
  const records = format === ImportFormat.CSV ? csvRecords(content) : await workbookRecords(content);
  const [header, ...data] = records;
  if (!header) throw new EmptyImportFileError();
  const positions = new Map(header.cells.map((cell, index) => [headerKey(cell), index]));
  const missing = columns.filter((column) => !positions.has(headerKey(column)));
  if (missing.length > 0) throw new ImportColumnsMissingError(missing);
  if (data.length === 0) throw new EmptyImportFileError();
  return data.map(({ row, cells }) => ({
    row,
    cells: new Map(columns.map((column) => [column, (cells[positions.get(headerKey(column)) ?? -1] ?? '').trim()])),
  }));
}

interface RawRecord {
  row: number;
  cells: string[];
}

function csvRecords(content: Buffer): RawRecord[] {
  try {
    const records = parse(content, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    return records.filter(({ record }) => record.some((cell) => cell.trim() !== '')).map(({ record, info }) => ({ row: info.lines, cells: record }));
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableImportFileError(ImportFormat.CSV);
    throw error;
  }
}

async function workbookRecords(content: Buffer): Promise<RawRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableImportFileError(ImportFormat.XLSX);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableImportFileError(ImportFormat.XLSX);
  const records: RawRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    if (cells.some((cell) => cell.trim() !== '')) records.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return records;
}

/** A cell as text: a date as YYYY-MM-DD (the calendar day the sheet shows), a formula as its result, rich text as its words. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}
