import { BadUserInputError } from '@ps/errors';

/** Evaluations are kept from 1990 on; a trend spans at most a generation of reports. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2200;
const LONGEST_TREND = 30;

/** A year a report may be asked for: 1990–2200, as the evaluation table accepts. */
export function reportYear(year: number): number {
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new BadUserInputError(`Năm báo cáo phải từ ${FIRST_YEAR} đến ${LAST_YEAR}`, `The year must be ${FIRST_YEAR}–${LAST_YEAR}`, { year });
  }
  return year;
}

/** The years of a trend, first to last: at most 30, the first not after the last. */
export function trendYears(fromYear: number, toYear: number): number[] {
  reportYear(fromYear);
  reportYear(toYear);
  if (fromYear > toYear || toYear - fromYear >= LONGEST_TREND) {
    throw new BadUserInputError(
      `Khoảng năm ${fromYear}–${toYear} không hợp lệ: năm đầu không sau năm cuối, tối đa ${LONGEST_TREND} năm`,
      `Years ${fromYear}–${toYear} are not a range: the first must not follow the last, at most ${LONGEST_TREND} years`,
      { fromYear, toYear },
    );
  }
  return Array.from({ length: toYear - fromYear + 1 }, (_, index) => fromYear + index);
}
