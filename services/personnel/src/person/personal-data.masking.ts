/**
 * How personal data reads for a caller who may see the person but does not manage them
 * (Decree 13/2023/NĐ-CP; Law on Personal Data Protection 2025): enough to tell two files apart,
 * not enough to identify the holder elsewhere.
 * - personal ID: the first digit and the last three, the eight between as `*` (`0********234`);
 * - birth date: the year only (`1988`), which the file already answers as `birthYear`;
 * - home place: its last comma-separated part, the province (`Bình Dương`), or `***` when it
 *   has a single part (which may name the commune itself).
 */
export interface PersonalDataValues {
  personalId: string | null;
  birthDate: string | null;
  homePlace: string | null;
}

const ID_SHOWN = { head: 1, tail: 3 };
const HIDDEN = '*';
const HOME_PLACE_HIDDEN = '***';

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
  return parts.length > 1 ? parts[parts.length - 1] : HOME_PLACE_HIDDEN;
}

/** The values as a caller who does not manage the person reads them; absent values stay absent. */
export function maskPersonalData(values: PersonalDataValues): PersonalDataValues {
  return {
    personalId: values.personalId === null ? null : maskPersonalId(values.personalId),
    birthDate: values.birthDate === null ? null : maskBirthDate(values.birthDate),
    homePlace: values.homePlace === null ? null : maskHomePlace(values.homePlace),
  };
}

/** The fields a full read returns, as the audit trail names them. */
export const PERSONAL_DATA_FIELDS: ReadonlyArray<keyof PersonalDataValues> = ['personalId', 'birthDate', 'homePlace'];
