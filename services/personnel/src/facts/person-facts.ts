import type { Gender, PersonnelCategory } from '../person/person.kinds';

/** Kinds of discipline whose waiting times the rules count (khiển trách, cảnh cáo, cách chức). */
export type DisciplineKind = 'REPRIMAND' | 'WARNING' | 'REMOVAL' | 'DISMISSAL' | 'EXPULSION';

/** One discipline as the rules read it. */
export interface DisciplineFact {
  kind: DisciplineKind;
  decidedOn: string;
}

/** A planning-list position the person holds on the date. */
export interface PlannedPosition {
  titleCode: string;
  unitCode: string;
  termStart: number;
  termEnd: number;
}

/**
 * What the rules of titles, planning and rotation know about a person on a date. `null` means
 * the e-file has no record of the fact (not "none"): a criterion on it is not met for want of
 * a record, and says so.
 */
export interface PersonFacts {
  personId: string;
  fullName: string;
  unitCode: string;
  birthDate: string | null;
  gender: Gender | null;
  ethnicity: string | null;
  category: PersonnelCategory | null;
  /** The Party admission date of the membership in force; null when not a member then. */
  partyAdmissionDate: string | null;
  planned: PlannedPosition[];
  /** Trình độ chuyên môn: a level code of EDUCATION_LEVELS. */
  education: string | null;
  /** Trình độ lý luận chính trị: a level code of POLITICAL_THEORY_LEVELS. */
  politicalTheory: string | null;
  /** Since when the person holds their current rank (ngạch). */
  rankSince: string | null;
  disciplines: DisciplineFact[] | null;
}
