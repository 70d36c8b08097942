import { monthsBetween } from '@ps/effective-dating';

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
