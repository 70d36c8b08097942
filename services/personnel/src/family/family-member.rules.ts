import { BadUserInputError } from '@ps/errors';
import { checkBirthYear, detailOf, fullNameOf } from '../person/person.rules';
import { FamilyRelation } from './family-member.kinds';

/** A family member's details as given (form 2C's columns). */
export interface FamilyDetailsInput {
  relation: FamilyRelation;
  fullName: string;
  birthYear: number;
  occupation?: string | null;
  residence?: string | null;
}

/** The details as recorded. */
export interface FamilyDetails {
  relation: FamilyRelation;
  fullName: string;
  birthYear: number;
  occupation: string | null;
  residence: string | null;
}

/** Born before (-1) or after (+1) the person: the relations whose birth year the person's bounds. */
const GENERATION: Partial<Record<FamilyRelation, -1 | 1>> = {
  [FamilyRelation.FATHER]: -1,
  [FamilyRelation.MOTHER]: -1,
  [FamilyRelation.CHILD]: 1,
};

/**
 * The details as recorded on `date`, each checked by its rule; nothing is written before all
 * pass. The name follows the e-file's full-name rule; the birth year lies between 1900 and the
 * change's year, before the person's for a parent and after it for a child (when the person's
 * is known); occupation and workplace, and residence, are optional texts of 1–200 characters.
 */
export function familyDetailsOf(input: FamilyDetailsInput, date: string, personBirthYear: number | null): FamilyDetails {
  const birthYear = checkBirthYear(input.birthYear, Number(date.slice(0, 4))) ?? input.birthYear;
  checkGeneration(input.relation, birthYear, personBirthYear);
  return {
    relation: input.relation,
    fullName: fullNameOf(input.fullName),
    birthYear,
    occupation: detailOf({ vi: 'Nghề nghiệp, nơi công tác', en: 'Occupation and workplace' }, input.occupation, false),
    residence: detailOf({ vi: 'Nơi ở', en: 'Residence' }, input.residence, false),
  };
}

function checkGeneration(relation: FamilyRelation, birthYear: number, personBirthYear: number | null): void {
  const generation = GENERATION[relation];
  if (generation === undefined || personBirthYear === null) return;
  if (Math.sign(birthYear - personBirthYear) === generation) return;
  const [vi, en] = generation < 0 ? ['trước', 'before'] : ['sau', 'after'];
  throw new BadUserInputError(
    `Năm sinh ${birthYear} phải ${vi} năm sinh của người có hồ sơ (${personBirthYear})`,
    `Birth year ${birthYear} must be ${en} the person's (${personBirthYear})`,
    { reason: 'FAMILY_BIRTH_YEAR_ORDER', relation, birthYear },
  );
}
