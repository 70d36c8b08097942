import { choiceCell, textCell } from './import.cells';
import { ASSIGNMENT_COLUMNS as COLUMN, CONCURRENT_WORDS } from './import.columns';
import type { RowRead } from './import.feature';
import { RowRejects } from '@ps/file-import';
import type { SheetRow } from '@ps/file-import';

/** A post as a row of the file gives it: whose (by personal ID), which organization and title, concurrent or not, which seat. */
export interface AssignmentRow {
  row: number;
  personalId: string;
  organizationId: string;
  titleCode: string;
  concurrent: boolean;
  seatId: string | null;
}

/** One row of an assignment file: the person, organization and title required, Kiêm nhiệm có/không (blank: không), the seat optional. */
export function assignmentRowOf(row: SheetRow): RowRead<AssignmentRow> {
  const cells = new RowRejects(row.row);
  const personalId = cells.cell(COLUMN.personalId, () => textCell(row, COLUMN.personalId, true));
  const organizationId = cells.cell(COLUMN.organizationId, () => textCell(row, COLUMN.organizationId, true));
  const titleCode = cells.cell(COLUMN.titleCode, () => textCell(row, COLUMN.titleCode, true));
  const concurrent = cells.cell(COLUMN.concurrent, () => choiceCell(row, COLUMN.concurrent, CONCURRENT_WORDS, { means: false }));
  const seatId = textCell(row, COLUMN.seatId, false);
  if (cells.rejects.length > 0 || personalId === undefined || organizationId === undefined || titleCode === undefined || concurrent === undefined) {
    return { rejects: cells.rejects };
  }
  return { value: { row: row.row, personalId, organizationId, titleCode, concurrent, seatId } };
}
