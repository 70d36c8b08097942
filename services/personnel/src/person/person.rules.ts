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
    );
  }
  return fullName;
}

/** A birth year, when given, lies between 1900 and the current year. */
export function checkBirthYear(birthYear: number | null | undefined, thisYear: number = new Date().getFullYear()): number | null {
  if (birthYear === null || birthYear === undefined) return null;
  if (birthYear < FIRST_BIRTH_YEAR || birthYear > thisYear) {
    throw new BadUserInputError(`Năm sinh phải từ ${FIRST_BIRTH_YEAR} đến ${thisYear}`, `Birth year must be ${FIRST_BIRTH_YEAR}–${thisYear}`, {
      birthYear,
    });
  }
  return birthYear;
}
