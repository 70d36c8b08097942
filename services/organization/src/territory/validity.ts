import { todayInVietnam } from '@ps/service-kit';
import { TerritoryGuard } from '@ps/auth';

/**
 * The organization service guards with its own tree: the caller's unit as it stood on the
 * date asked (effective-dated), or its current version.
 */
export const territoryGuard = new TerritoryGuard({ table: 'administrative_unit', codeColumn: 'code', pathColumn: 'path' });

/** SQL: the row of `alias` is in force on `:param` ([valid_from, valid_to)). */
export function validOn(alias: string, param = 'asOf'): string {
  return `${alias}.valid_from <= :${param} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > :${param})`;
}

/** The date a query is about: the one asked, or today in Vietnam. */
export function asOfDate(asOf: string | null | undefined): string {
  return asOf ?? todayInVietnam();
}

/** The calendar day before a YYYY-MM-DD date (a version that ends on `date` was last in force then). */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
