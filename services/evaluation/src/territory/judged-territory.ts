import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { territoryGuard } from './territory.guard';

/**
 * Cuts a query to rows whose unit (`unitCodeSql`) lay inside the caller's territory on a date of
 * the row's own (`dateSql`, e.g. a cycle's last day or the end of the year judged): each row is
 * judged as of its own period, joining that unit's version then as `alias`.
 */
export function judgedWithinTerritory<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  principal: Principal,
  { unitCodeSql, dateSql, alias }: { unitCodeSql: string; dateSql: string; alias: string },
): SelectQueryBuilder<T> {
  const { table, codeColumn, pathColumn } = territoryGuard.source;
  query.innerJoin(table, alias, `${alias}.${codeColumn} = ${unitCodeSql} AND ${inForceOn(alias, dateSql)}`);
  const { sql, parameters } = territoryGuard.conditionAt(principal, `${alias}.${pathColumn}`, dateSql, `${alias}Scope`);
  return query.andWhere(sql, parameters);
}
