import { membershipFacts } from '../party/party-membership.rules';
import { dateCell, textCell } from './import.cells';
import { MEMBERSHIP_COLUMNS as COLUMN } from './import.columns';
import type { RowRead } from './import.feature';
import { RowRejects } from '@ps/file-import';
import type { SheetRow } from '@ps/file-import';

/** A Party membership as a row of the file gives it: whose (by personal ID), where, since when, which card. */
export interface MembershipRow {
  row: number;
  personalId: string;
  partyOrganizationId: string;
  admissionDate: string;
  officialDate: string | null;
  cardNumber: string | null;
}

/** One row of a membership file, read with the admission rules (official date not before admission, card number's form). */
export function membershipRowOf(row: SheetRow): RowRead<MembershipRow> {
  const cells = new RowRejects(row.row);
  const personalId = cells.cell(COLUMN.personalId, () => textCell(row, COLUMN.personalId, true));
  const partyOrganizationId = cells.cell(COLUMN.partyOrganizationId, () => textCell(row, COLUMN.partyOrganizationId, true));
  const admissionDate = cells.cell(COLUMN.admissionDate, () => dateCell(row, COLUMN.admissionDate, true));
  const officialDate = cells.cell(COLUMN.officialDate, () => {
    const date = dateCell(row, COLUMN.officialDate, false);
    return admissionDate === undefined ? date : membershipFacts(admissionDate, date, null).officialDate;
  });
  const cardNumber = cells.cell(COLUMN.cardNumber, () => membershipFacts(admissionDate ?? '', null, textCell(row, COLUMN.cardNumber, false)).cardNumber);
  if (
    cells.rejects.length > 0 || personalId === undefined || partyOrganizationId === undefined || admissionDate === undefined ||
    officialDate === undefined || cardNumber === undefined
  ) {
    return { rejects: cells.rejects };
  }
  return { value: { row: row.row, personalId, partyOrganizationId, admissionDate, officialDate, cardNumber } };
}
