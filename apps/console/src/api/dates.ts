/** Today in Vietnam (UTC+7), as the platform dates everything: YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The day before `date` (YYYY-MM-DD): the last day a unit ending on `date` was in force. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** 31 December of each year from `fromYear` to `toYear`. */
export function yearEnds(fromYear: number, toYear: number): string[] {
  return Array.from({ length: Math.max(0, toYear - fromYear + 1) }, (_, index) => `${fromYear + index}-12-31`);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}
