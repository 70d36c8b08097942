import { DomainError } from '@ps/errors';

/** One refused cell of a file: the data row as numbered in the file (the header is row 1), its column, why. */
export interface ImportReject {
  row: number;
  field: string;
  /** Stable: the rule's reason (e.g. PROVINCE_CODE, DUPLICATE_IN_FILE) or, lacking one, the error's code. */
  code: string;
  /** Vietnamese first, English beside it. */
  message: string;
}

/** The reject a typed error makes; anything else is not the user's doing and is thrown on. */
export function rejectOf(row: number, field: string, error: unknown): ImportReject {
  if (!(error instanceof DomainError)) throw error;
  const details = error.extensions.details as { reason?: unknown } | undefined;
  const code = typeof details?.reason === 'string' ? details.reason : error.code;
  return { row, field, code, message: error.message };
}

/**
 * Collects the rejects of one row: each cell is read by `read`, and a typed error it throws
 * becomes that cell's reject (undefined in place of the value), so one pass reports every cell.
 */
export class RowRejects {
  readonly rejects: ImportReject[] = [];

  constructor(readonly row: number) {}

  /** Refuses the row's `field` for the reason a look-up gave. */
  refuse(field: string, error: DomainError): void {
    this.rejects.push(rejectOf(this.row, field, error));
  }

  cell<T>(field: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      this.rejects.push(rejectOf(this.row, field, error));
      return undefined;
    }
  }
}

/** Rejects in file order: by row, then column. */
export function inFileOrder(rejects: readonly ImportReject[]): ImportReject[] {
  return [...rejects].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
}

const CSV_HEADER = ['Dòng / row', 'Cột / field', 'Mã / code', 'Lý do / message'];

/** The rejects report as CSV (UTF-8 with a BOM, so spreadsheet programs read Vietnamese right). */
export function rejectsCsv(rejects: readonly ImportReject[]): string {
  const quote = (value: string | number) => (/[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  const lines = [CSV_HEADER, ...rejects.map((reject) => [reject.row, reject.field, reject.code, reject.message])];
  return `\uFEFF${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`;
}
