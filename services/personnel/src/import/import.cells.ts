import { isCalendarDate } from '@ps/effective-dating';
import { InvalidCellError } from './import.errors';
import type { SheetRow } from '@ps/file-import';

/** A cell's text; blank is refused when the column is required, and is null otherwise. */
export function textCell(row: SheetRow, header: string, required: true): string;
export function textCell(row: SheetRow, header: string, required: false): string | null;
export function textCell(row: SheetRow, header: string, required: boolean): string | null {
  const text = (row.cells.get(header) ?? '').trim();
  if (text !== '') return text;
  if (required) throw new InvalidCellError('REQUIRED', `${header} không được để trống`, `${header} is required`);
  return null;
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A date cell as YYYY-MM-DD: written so, or as the Vietnamese day/month/year (30/4/1975); a real calendar day. */
export function dateCell(row: SheetRow, header: string, required: true): string;
export function dateCell(row: SheetRow, header: string, required: false): string | null;
export function dateCell(row: SheetRow, header: string, required: boolean): string | null {
  const text = required ? textCell(row, header, true) : textCell(row, header, false);
  if (text === null) return null;
  const parts = DAY_MONTH_YEAR.exec(text);
  const date = parts ? `${parts[3]}-${parts[2].padStart(2, '0')}-${parts[1].padStart(2, '0')}` : text;
  if (!isCalendarDate(date)) {
    throw new InvalidCellError('DATE_FORMAT', `${header} "${text}" không phải ngày hợp lệ (dd/mm/yyyy)`, `${header} "${text}" is not a valid date (dd/mm/yyyy)`);
  }
  return date;
}

/**
 * A cell that must be one of `words` (compared without case and extra spaces): what that word
 * records. Blank is refused, unless the column says what blank means (`blank`).
 */
export function choiceCell<T>(row: SheetRow, header: string, words: Readonly<Record<string, T>>, blank?: { means: T }): T {
  if (blank && textCell(row, header, false) === null) return blank.means;
  const text = textCell(row, header, true);
  const value = words[text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ')];
  if (value === undefined) {
    const allowed = Object.keys(words).join(', ');
    throw new InvalidCellError('UNKNOWN_VALUE', `${header} "${text}" không thuộc: ${allowed}`, `${header} "${text}" is none of: ${allowed}`);
  }
  return value;
}
