import { requiredText } from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';

/** Ratings are kept from 1990 on (the earliest records the platform holds). */
const FIRST_RATED_YEAR = 1990;

/** The name of who or what was rated: required, trimmed. */
export function subjectNameOf(input: string): string {
  return requiredText(input, { vi: 'Người hoặc tổ chức được xếp loại', en: 'Subject name' });
}

/**
 * A year can be rated from 1990 to the current year, and a rating cannot take effect before
 * the year it rates has begun (a year is rated at its end or after it).
 */
export function checkRatedYear(year: number, effectiveDate: string, thisYear: number = new Date().getFullYear()): number {
  if (year < FIRST_RATED_YEAR || year > thisYear) {
    throw new BadUserInputError(`Năm xếp loại phải từ ${FIRST_RATED_YEAR} đến ${thisYear}`, `Year must be ${FIRST_RATED_YEAR}–${thisYear}`, {
      year,
    });
  }
  if (Number(effectiveDate.slice(0, 4)) < year) {
    throw new BadUserInputError(
      `Kết quả xếp loại năm ${year} không thể có hiệu lực từ ${effectiveDate}, trước năm được xếp loại`,
      `A ${year} rating cannot take effect on ${effectiveDate}, before the year it rates`,
      { year, effectiveDate },
    );
  }
  return year;
}
