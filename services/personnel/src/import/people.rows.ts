import type { Gender, PersonnelCategory } from '../person/person.kinds';
import { birthYearOf, detailOf, fullNameOf } from '../person/person.rules';
import { personalIdOf } from '../person/personal-id.rules';
import { choiceCell, dateCell, textCell } from './import.cells';
import { CATEGORY_WORDS, GENDER_WORDS, NO_RELIGION_WORDS, PEOPLE_COLUMNS as COLUMN } from './import.columns';
import type { RowRead, RowRules } from './import.feature';
import { RowRejects } from '@ps/file-import';
import type { SheetRow } from '@ps/file-import';

/** A person's e-file as a row of the file gives it, every field checked by the person rules. */
export interface PersonRow {
  row: number;
  fullName: string;
  personalId: string;
  birthDate: string;
  birthYear: number;
  gender: Gender;
  ethnicity: string;
  religion: string | null;
  homePlace: string;
  category: PersonnelCategory;
  unitCode: string;
}

const LABELS = {
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  homePlace: { vi: 'Quê quán', en: 'Home place' },
};

/**
 * One row of a people file, read as `registerPerson` reads its input: the same rules for the
 * name, birth date, personal ID (against gender and birth year) and e-file details.
 */
export function personRowOf(row: SheetRow, rules: RowRules): RowRead<PersonRow> {
  const cells = new RowRejects(row.row);
  const fullName = cells.cell(COLUMN.fullName, () => fullNameOf(textCell(row, COLUMN.fullName, true)));
  const birthDate = cells.cell(COLUMN.birthDate, () => dateCell(row, COLUMN.birthDate, true));
  const birthYear = birthDate === undefined ? undefined : cells.cell(COLUMN.birthDate, () => birthYearOf(birthDate, undefined));
  const gender = cells.cell(COLUMN.gender, () => choiceCell(row, COLUMN.gender, GENDER_WORDS));
  const personalId = cells.cell(COLUMN.personalId, () => {
    const text = textCell(row, COLUMN.personalId, true);
    // Without a gender and birth year the ID cannot be checked against them; their own cells are refused.
    return gender === undefined || birthYear === undefined ? text : personalIdOf(text, gender, birthYear, rules.provinces);
  });
  const ethnicity = cells.cell(COLUMN.ethnicity, () => detailOf(LABELS.ethnicity, textCell(row, COLUMN.ethnicity, false), true));
  const religion = cells.cell(COLUMN.religion, () => detailOf(LABELS.religion, religionText(row), false));
  const homePlace = cells.cell(COLUMN.homePlace, () => detailOf(LABELS.homePlace, textCell(row, COLUMN.homePlace, false), true));
  const category = cells.cell(COLUMN.category, () => choiceCell(row, COLUMN.category, CATEGORY_WORDS));
  const unitCode = cells.cell(COLUMN.unitCode, () => textCell(row, COLUMN.unitCode, true));
  if (
    cells.rejects.length > 0 || fullName === undefined || birthDate === undefined || birthYear === undefined || gender === undefined ||
    personalId === undefined || !ethnicity || religion === undefined || !homePlace || category === undefined || unitCode === undefined
  ) {
    return { rejects: cells.rejects };
  }
  return { value: { row: row.row, fullName, personalId, birthDate, birthYear, gender, ethnicity, religion, homePlace, category, unitCode } };
}

/** A religion cell: blank or "Không" is none. */
function religionText(row: SheetRow): string | null {
  const text = textCell(row, COLUMN.religion, false);
  return text === null || NO_RELIGION_WORDS.has(text.toLowerCase()) ? null : text;
}
