import { inForceOn, notEndedBy } from '@ps/effective-dating';

/**
 * SQL: the name the organization `idSql` bore on `dateSql` — the version in force that day, or,
 * for an organization closed by then (a merger's), the last version, the name it closed under.
 * Null when evaluation has not heard of the organization, or it was established later. A
 * renaming after the date leaves the name of that date.
 */
export function organizationNameSql(idSql: string, dateSql: string): string {
  return `(SELECT named.name FROM rated_organization named
            WHERE named.id = ${idSql} AND (${inForceOn('named', dateSql)} OR NOT ${notEndedBy('named', dateSql)})
            ORDER BY named.valid_from DESC LIMIT 1)`;
}
