import type { GuardedUnit } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { territoryGuard } from './territory.guard';

const { table, codeColumn, pathColumn } = territoryGuard.source;

/** A unit as writes no caller makes (organization's answers, restructurings followed) name it in the audit trail. */
export type PlacedUnit = GuardedUnit & { tier: string };

/**
 * The version of a unit in force on the first of `dates` that has one, as the audit trail names
 * it; the code alone when the projection holds none (it may not have caught up yet).
 */
export async function unitOn(manager: EntityManager, code: string, ...dates: string[]): Promise<PlacedUnit> {
  for (const date of dates) {
    const [unit]: PlacedUnit[] = await manager.query(
      `SELECT unit.${codeColumn} AS code, unit.name, unit.${pathColumn}::text AS path, unit.tier, unit.valid_from::text AS "validFrom", unit.valid_to::text AS "validTo"
         FROM ${table} unit WHERE unit.${codeColumn} = $1 AND ${inForceOn('unit', '$2')}`,
      [code, date],
    );
    if (unit) return unit;
  }
  return { code, name: code, path: code, tier: '', validFrom: dates[0] ?? '', validTo: null };
}
