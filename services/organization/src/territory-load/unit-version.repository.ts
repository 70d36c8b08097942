import { groupBy } from '@ps/service-kit';
import type { EntityManager } from 'typeorm';
import { isOpenVersion } from '@ps/effective-dating';
import type { StoredVersion } from './version.plan';

/**
 * Readers carry on; other writers, and a second loader, wait until this load commits, so the
 * plan made from what was read stays true until it is written.
 */
export async function lockTerritory(manager: EntityManager): Promise<void> {
  await manager.query('LOCK TABLE administrative_unit, unit_lineage IN SHARE ROW EXCLUSIVE MODE');
}

/** Every recorded version of the listed tiers, by code, oldest first. */
export async function readVersions(manager: EntityManager): Promise<Map<string, StoredVersion[]>> {
  const rows: StoredVersion[] = await manager.query(
    `SELECT id, code, name, tier, parent_code AS "parentCode", path::text AS path,
            valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM administrative_unit
      WHERE tier <> 'HAMLET'
      ORDER BY code, valid_from`,
  );
  return groupBy(rows, (row) => row.code);
}

/** Open units that no official list has (hamlets, units recorded by hand) directly under any of the given codes. */
export async function openUnlistedUnder(
  manager: EntityManager,
  parentCodes: readonly string[],
  listed: ReadonlySet<string>,
): Promise<Array<{ code: string; parentCode: string; path: string }>> {
  if (parentCodes.length === 0) return [];
  const rows: Array<{ code: string; parentCode: string; path: string }> = await manager.query(
    `SELECT code, parent_code AS "parentCode", path::text AS path
       FROM administrative_unit
      WHERE ${isOpenVersion('')} AND parent_code = ANY($1::text[])
      ORDER BY code`,
    [parentCodes],
  );
  return rows.filter((row) => !listed.has(row.code));
}
