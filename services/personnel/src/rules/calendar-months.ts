/**
 * Whole-month arithmetic on YYYY-MM-DD dates, as the rules count ages and periods: the same
 * day of the month `months` later, or the month's last day when it has no such day.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (negative when `to` is earlier); a month counts once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number);
  const [toYear, toMonth, toDay] = to.split('-').map(Number);
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  if (months > 0 && toDay < fromDay && addMonths(from, months) > to) return months - 1;
  if (months < 0 && toDay > fromDay && addMonths(from, months) < to) return months + 1;
  return months;
}

/** Whole years of age on `date` of someone born on `birthDate`. */
export function ageOn(birthDate: string, date: string): number {
  return Math.floor(monthsBetween(birthDate, date) / 12);
}

/** "62 năm 3 tháng" / "62 years 3 months". */
export function yearsAndMonths(months: number): { vi: string; en: string } {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0
    ? { vi: `${years} năm`, en: `${years} years` }
    : { vi: `${years} năm ${rest} tháng`, en: `${years} years ${rest} months` };
}
