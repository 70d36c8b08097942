import { BadUserInputError } from '@ps/errors';

const NAME_LENGTH = { min: 1, max: 200 };
const FIRST_BIRTH_YEAR = 1900;

/** A full name as recorded: trimmed, inner runs of spaces made one; 1–200 characters. */
export function fullNameOf(input: string): string {
  const fullName = input.trim().replace(/\s+/g, ' ');
  if (fullName.length < NAME_LENGTH.min || fullName.length > NAME_LENGTH.max) {
    throw new BadUserInputError(
      `Họ và tên phải có từ ${NAME_LENGTH.min} đến ${NAME_LENGTH.max} ký tự`,
      `Full name must be ${NAME_LENGTH.min}–${NAME_LENGTH.max} characters`,
      { reason: 'NAME_LENGTH' },
    );
  }
  return fullName;
}

/** A birth year, when given, lies between 1900 and the current year. */
export function checkBirthYear(birthYear: number | null | undefined, thisYear: number = new Date().getFullYear()): number | null {
  if (birthYear === null || birthYear === undefined) return null;
  if (birthYear < FIRST_BIRTH_YEAR || birthYear > thisYear) {
    throw new BadUserInputError(`Năm sinh phải từ ${FIRST_BIRTH_YEAR} đến ${thisYear}`, `Birth year must be ${FIRST_BIRTH_YEAR}–${thisYear}`, {
      reason: 'BIRTH_YEAR_RANGE',
      birthYear,
    });
  }
  return birthYear;
}

/**
 * The birth year a birth date gives, checked like any birth year; a year also stated (the
 * input's older field) must agree with it.
 */
export function birthYearOf(birthDate: string, statedYear: number | null | undefined, thisYear?: number): number {
  const year = Number(birthDate.slice(0, 4));
  if (statedYear !== null && statedYear !== undefined && statedYear !== year) {
    throw new BadUserInputError(`Năm sinh ${statedYear} không khớp ngày sinh ${birthDate}`, `Birth year ${statedYear} does not match the birth date ${birthDate}`, {
      reason: 'BIRTH_YEAR_MISMATCH',
    });
  }
  return checkBirthYear(year, thisYear) ?? year;
}

const DETAIL_LENGTH = 200;

/** A free-text e-file detail (ethnicity, religion, home place): trimmed, 1–200 characters; blank is none when optional. */
export function detailOf(label: { vi: string; en: string }, input: string | null | undefined, required: boolean): string | null {
  const value = input?.trim().replace(/\s+/g, ' ') ?? '';
  if (value.length === 0 && !required) return null;
  if (value.length === 0 || value.length > DETAIL_LENGTH) {
    throw new BadUserInputError(`${label.vi} phải có từ 1 đến ${DETAIL_LENGTH} ký tự`, `${label.en} must be 1–${DETAIL_LENGTH} characters`, {
      reason: 'DETAIL_LENGTH',
    });
  }
  return value;
}
