import type { Principal } from '@ps/auth';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { judgedWithinTerritory } from '../territory/judged-territory';

/**
 * Cuts a query over cycles (`alias`, with `unit_code` and `period_to`) to those whose unit lay
 * inside the caller's territory on the cycle's last day: each cycle is judged as of its own period.
 */
export function cyclesWithinTerritory<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, alias: string): SelectQueryBuilder<T> {
  return judgedWithinTerritory(query, principal, { unitCodeSql: `${alias}.unit_code`, dateSql: `${alias}.period_to`, alias: 'cycle_unit' });
}
