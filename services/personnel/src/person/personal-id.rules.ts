import { BadUserInputError } from '@ps/errors';
import { Gender } from './person.kinds';

/**
 * The 12-digit personal ID (số định danh cá nhân, on the CCCD card), Circular 59/2021/TT-BCA:
 * digits 1–3 the province of birth registration (001–096), digit 4 gender and century of
 * birth, digits 5–6 the last two digits of the birth year, then six digits.
 */
const PERSONAL_ID = /^\d{12}$/;

/** A range of province codes (digits 1–3) a personal ID may carry. */
export interface ProvinceCodes {
  first: number;
  last: number;
}

/** The codes issued to real people: 001–096. */
export const ISSUED_PROVINCE_CODES: ProvinceCodes = { first: 1, last: 96 };

/** Demo data's one code, 000: never issued, so a demo file can name no real person. */
export const DEMO_PROVINCE_CODES: ProvinceCodes = { first: 0, last: 0 };

/** Fourth digit for a man born in the century starting in `year`; a woman's is one more. */
const CENTURY_CODES: ReadonlyArray<{ from: number; male: number }> = [
  { from: 1900, male: 0 },
  { from: 2000, male: 2 },
  { from: 2100, male: 4 },
  { from: 2200, male: 6 },
  { from: 2300, male: 8 },
];

export type PersonalIdReason = 'FORMAT' | 'PROVINCE_CODE' | 'GENDER_CENTURY_CODE' | 'BIRTH_YEAR_DIGITS';

export class InvalidPersonalIdError extends BadUserInputError {
  constructor(reason: PersonalIdReason, vi: string, en: string) {
    super(`Số định danh cá nhân không hợp lệ: ${vi}`, `Invalid personal ID: ${en}`, { reason });
  }
}

/** The fourth digit a personal ID carries for this gender and birth year, or null outside 1900–2399. */
export function genderCenturyDigit(gender: Gender, birthYear: number): number | null {
  const century = CENTURY_CODES.find((code) => birthYear >= code.from && birthYear < code.from + 100);
  if (!century) return null;
  return century.male + (gender === Gender.FEMALE ? 1 : 0);
}

/**
 * A personal ID as recorded (trimmed), checked against the holder's gender and birth year;
 * its province code must lie in `provinces` (the issued ones unless a demo load says otherwise).
 */
export function personalIdOf(input: string, gender: Gender, birthYear: number, provinces: ProvinceCodes = ISSUED_PROVINCE_CODES): string {
  const personalId = input.trim();
  if (!PERSONAL_ID.test(personalId)) {
    throw new InvalidPersonalIdError('FORMAT', 'phải gồm đúng 12 chữ số', 'must be exactly 12 digits');
  }
  const province = Number(personalId.slice(0, 3));
  if (province < provinces.first || province > provinces.last) {
    const range = `${code(provinces.first)}–${code(provinces.last)}`;
    throw new InvalidPersonalIdError('PROVINCE_CODE', `mã tỉnh ${personalId.slice(0, 3)} không thuộc ${range}`, `province code ${personalId.slice(0, 3)} is not within ${range}`);
  }
  if (Number(personalId[3]) !== genderCenturyDigit(gender, birthYear)) {
    throw new InvalidPersonalIdError(
      'GENDER_CENTURY_CODE',
      `chữ số thứ tư không khớp giới tính và năm sinh ${birthYear}`,
      `the fourth digit does not match the gender and birth year ${birthYear}`,
    );
  }
  if (personalId.slice(4, 6) !== String(birthYear % 100).padStart(2, '0')) {
    throw new InvalidPersonalIdError('BIRTH_YEAR_DIGITS', `chữ số thứ 5–6 không khớp năm sinh ${birthYear}`, `digits 5–6 do not match the birth year ${birthYear}`);
  }
  return personalId;
}

const code = (province: number) => String(province).padStart(3, '0');
