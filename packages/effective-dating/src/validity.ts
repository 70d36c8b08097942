/**
 * The one definition of "in force" on the platform. A version is in force on a date when it
 * started on or before that date and had not ended by then: `valid_from` inclusive,
 * `valid_to` exclusive, `valid_to` null while the version is current. Every SQL query and
 * every in-memory check goes through these functions; nothing else spells the condition.
 */

/** `alias.column`, or the bare column when the query has no alias. */
function column(alias: string, name: 'valid_from' | 'valid_to'): string {
  return alias ? `${alias}.${name}` : name;
}

/**
 * SQL: the row of `alias` has not ended by `date` (still in force on that date or starting
 * later). `date` is any SQL expression: a parameter (`:asOf`, `$2`) or a column.
 */
export function notEndedBy(alias: string, date: string): string {
  return `(${column(alias, 'valid_to')} IS NULL OR ${column(alias, 'valid_to')} > ${date})`;
}

/** SQL: the row of `alias` is in force on `date` (a parameter or a column expression). */
export function inForceOn(alias: string, date: string): string {
  return `(${column(alias, 'valid_from')} <= ${date} AND ${notEndedBy(alias, date)})`;
}

/** SQL: the row of `alias` is its thing's open version: the latest one, not ended. */
export function isOpenVersion(alias: string): string {
  return `${column(alias, 'valid_to')} IS NULL`;
}

/** A period of YYYY-MM-DD dates, [validFrom, validTo); validTo null while open. */
export interface Period {
  validFrom: string;
  validTo: string | null;
}

/** In memory, the same condition as {@link inForceOn}. */
export function isInForce(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validTo === null || period.validTo > date);
}

/**
 * In memory: two periods share at least one day (both [validFrom, validTo), null open-ended).
 * Two versions of one rule whose periods overlap would both be in force on those days.
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.validTo === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom < b.validTo);
}

/** The calendar day before a YYYY-MM-DD date: a version ending on `date` was last in force then. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Dates as Vietnam counts them (en-CA writes YYYY-MM-DD): made once, as building one costs far more than using it. */
const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today's date (YYYY-MM-DD) in Vietnam, the default "as of" of every effective-dated query. */
export function todayInVietnam(now: Date = new Date()): string {
  return VIETNAM_DATE.format(now);
}

/** The date a query is about: the one asked, or today in Vietnam. */
export function asOfDate(asOf: string | null | undefined): string {
  return asOf ?? todayInVietnam();
}
