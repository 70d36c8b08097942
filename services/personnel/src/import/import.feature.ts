import type { Principal } from '@ps/auth';
import type { DatedWrite } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import type { ProvinceCodes } from '../person/personal-id.rules';
import type { ImportReject } from '@ps/file-import';
import type { SheetRow } from '@ps/file-import';

/** What a file's rows are: people, or the Party memberships of people already on file. */
export enum ImportKind {
  PEOPLE = 'PEOPLE',
  PARTY_MEMBERSHIPS = 'PARTY_MEMBERSHIPS',
  ASSIGNMENTS = 'ASSIGNMENTS',
}

/** How rows are read: which province codes a personal ID may carry (the issued ones, or demo data's 000). */
export interface RowRules {
  provinces: ProvinceCodes;
}

/** A row read from the file: the values to record, or the rejects of its cells. */
export type RowRead<Row> = { value: Row; rejects?: undefined } | { value?: undefined; rejects: ImportReject[] };

/** What the database says of the rows: their rejects, and how to write them when there are none. */
export interface RowsChecked {
  rejects: ImportReject[];
  /** Writes every row in the write's transaction, telling `onWritten` how many are in so far. */
  write(write: DatedWrite, onWritten: (written: number) => void): Promise<void>;
}

/**
 * One kind of import: its columns, the per-row rules (the owners' rules, applied to cells),
 * what must be unique within a file, and the checks and write against the database.
 */
export interface ImportFeature<Row extends { row: number }> {
  kind: ImportKind;
  /** The audit trail's operation. */
  operation: string;
  columns: readonly string[];
  readRow(row: SheetRow, rules: RowRules): RowRead<Row>;
  /** Rows whose value another row of the file already has, where it must be unique. */
  repeats(rows: readonly Row[]): ImportReject[];
  check(manager: EntityManager, principal: Principal, date: string, rows: readonly Row[]): Promise<RowsChecked>;
}

/** How a repeat is told: the column's header and the row that has the value first. */
export type RepeatMessage = (header: string, firstRow: number) => string;

/**
 * Rejects each row whose key an earlier row has (the first occurrence keeps it); a null key is
 * never a repeat. The message names the column unless the repeat needs saying otherwise.
 */
export function repeatsInFile<Row extends { row: number }>(
  rows: readonly Row[],
  header: string,
  keyOf: (row: Row) => string | null,
  message: RepeatMessage = duplicateMessage,
): ImportReject[] {
  const first = new Map<string, number>();
  const rejects: ImportReject[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.row);
    else rejects.push({ row: row.row, field: header, code: 'DUPLICATE_IN_FILE', message: message(header, earlier) });
  }
  return rejects;
}

const duplicateMessage: RepeatMessage = (header, firstRow) => `${header} trùng với dòng ${firstRow} của tệp / ${header} repeats row ${firstRow} of the file`;

/** How many items share each key (an audit row's counts by unit). */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}
