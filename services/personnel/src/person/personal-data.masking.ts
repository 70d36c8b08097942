import type { FamilyRelation } from '../family/family-member.kinds';

/**
 * How personal data reads for a caller who may see the person but does not manage them
 * (Decree 13/2023/NĐ-CP; Law on Personal Data Protection 2025): enough to tell two files apart,
 * not enough to identify the holder elsewhere.
 * - personal ID: the first digit and the last three, the eight between as `*` (`0********234`);
 * - birth date: the year only (`1988`), which the file already answers as `birthYear`;
 * - home place: its last comma-separated part, the province (`Bình Dương`), or `***` when it
 *   has a single part (which may name the commune itself);
 * - ethnicity and religion, sensitive personal data (Decree 13/2023, Art. 2.4): `***` whole;
 * - family (form 2C): each member's relation kept (the file's shape, not the member); the full
 *   name as the family name and the initials of the rest (`Nguyễn V. A.`), enough to tell two
 *   siblings apart; the birth year hidden (null); occupation and workplace `***`; residence
 *   reduced like the home place.
 */
export interface PersonalDataValues {
  personalId: string | null;
  birthDate: string | null;
  homePlace: string | null;
  ethnicity: string | null;
  religion: string | null;
  family: FamilyMemberValues[];
}

/** A family member's values on the e-file. */
export interface FamilyMemberValues {
  id: string;
  relation: FamilyRelation;
  fullName: string;
  birthYear: number | null;
  occupation: string | null;
  residence: string | null;
}

const ID_SHOWN = { head: 1, tail: 3 };
const HIDDEN = '*';
/** What stands for a text hidden whole: a one-part home place, an occupation. */
const TEXT_HIDDEN = '***';

/** `074188001234` → `0********234`; anything too short to keep both ends is hidden whole. */
export function maskPersonalId(personalId: string): string {
  const hiddenLength = personalId.length - ID_SHOWN.head - ID_SHOWN.tail;
  if (hiddenLength <= 0) return HIDDEN.repeat(personalId.length);
  return personalId.slice(0, ID_SHOWN.head) + HIDDEN.repeat(hiddenLength) + personalId.slice(-ID_SHOWN.tail);
}

/** `1988-03-04` → `1988`. */
export function maskBirthDate(birthDate: string): string {
  return birthDate.slice(0, 4);
}

/** `Xã An Lập, Dầu Tiếng, Bình Dương` → `Bình Dương`; a single part → `***`. */
export function maskHomePlace(homePlace: string): string {
  const parts = homePlace
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return parts.length > 1 ? parts[parts.length - 1] : TEXT_HIDDEN;
}

/** `Nguyễn Thị Minh Khai` → `Nguyễn T. M. K.`; a single word → its initial (`A.`). */
export function maskMemberName(fullName: string): string {
  const [familyName, ...rest] = fullName.split(' ').filter((word) => word.length > 0);
  const initial = (word: string) => `${[...word][0].toLocaleUpperCase('vi')}.`;
  return rest.length === 0 ? initial(familyName) : [familyName, ...rest.map(initial)].join(' ');
}

/** A family member as a caller who does not manage the person reads them. */
export function maskFamilyMember(member: FamilyMemberValues): FamilyMemberValues {
  return {
    id: member.id,
    relation: member.relation,
    fullName: maskMemberName(member.fullName),
    birthYear: null,
    occupation: member.occupation === null ? null : TEXT_HIDDEN,
    residence: member.residence === null ? null : maskHomePlace(member.residence),
  };
}

/** The values as a caller who does not manage the person reads them; absent values stay absent. */
export function maskPersonalData(values: PersonalDataValues): PersonalDataValues {
  return {
    personalId: values.personalId === null ? null : maskPersonalId(values.personalId),
    birthDate: values.birthDate === null ? null : maskBirthDate(values.birthDate),
    homePlace: values.homePlace === null ? null : maskHomePlace(values.homePlace),
    ethnicity: values.ethnicity === null ? null : TEXT_HIDDEN,
    religion: values.religion === null ? null : TEXT_HIDDEN,
    family: values.family.map(maskFamilyMember),
  };
}

/** The fields a full read returns, as the audit trail names them. */
export const PERSONAL_DATA_FIELDS: ReadonlyArray<keyof PersonalDataValues> = ['personalId', 'birthDate', 'homePlace', 'ethnicity', 'religion', 'family'];

/** The fields of a file that hold data (an empty family holds none): what a full read of it reveals. */
export function fieldsHeld(values: PersonalDataValues): Array<keyof PersonalDataValues> {
  return PERSONAL_DATA_FIELDS.filter((field) => (field === 'family' ? values.family.length > 0 : values[field] !== null));
}
