import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';

/**
 * Cuts a query over cycles (`alias`, with `unit_code` and `period_to`) to those whose unit lay
 * inside the caller's territory on the cycle's last day: each cycle is judged as of its own period.
 */
export function cyclesWithinTerritory<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, alias: string): SelectQueryBuilder<T> {
  const { table, codeColumn, pathColumn } = territoryGuard.source;
  query.innerJoin(table, 'cycle_unit', `cycle_unit.${codeColumn} = ${alias}.unit_code AND ${inForceOn('cycle_unit', `${alias}.period_to`)}`);
  const { sql, parameters } = territoryGuard.conditionAt(principal, `cycle_unit.${pathColumn}`, `${alias}.period_to`, 'cycleScope');
  return query.andWhere(sql, parameters);
}
