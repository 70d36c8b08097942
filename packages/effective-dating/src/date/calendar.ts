/** The dates a client may send, both ends included, as YYYY-MM-DD. */
export interface DateRange {
  min: string;
  max: string;
}

/**
 * From Vietnam's declaration of independence (2 Sep 1945), the earliest date the platform's
 * records can bear, to the end of the century: anything outside is a typing error.
 */
export const DEFAULT_DATE_RANGE: DateRange = { min: '1945-09-02', max: '2100-12-31' };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real day of the Gregorian calendar written YYYY-MM-DD ("2025-02-29" is not). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether `date` (a calendar date) lies within `range`; YYYY-MM-DD strings order as dates do. */
export function isWithin(date: string, range: DateRange): boolean {
  return date >= range.min && date <= range.max;
}

/**
 * The same day `months` calendar months later (or earlier), the month's last day when it is
 * shorter: a child born on 2024-01-31 turns 36 months on 2027-01-31, one born 2024-02-29 on 2027-02-28.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
  const toDay = Math.min(day, daysInMonth(toYear, toMonth));
  return `${String(toYear).padStart(4, '0')}-${String(toMonth).padStart(2, '0')}-${String(toDay).padStart(2, '0')}`;
}

/**
 * Whole calendar months from `from` to `to` (negative when `to` is earlier), as rules count
 * ages and periods: a month counts once its day is reached, a shorter month's last day standing
 * for a day it lacks (2024-01-31 → 2024-02-29 is one month).
 */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  if (months > 0 && addMonths(from, months) > to) return months - 1;
  if (months < 0 && addMonths(from, months) < to) return months + 1;
  return months;
}
