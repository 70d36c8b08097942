import { foldText, groupBy } from '@ps/service-kit';
import type { EntityManager } from 'typeorm';
import type { PlannedLineage } from './reorganization.plan';
import type { NewVersion, StoredVersion } from './version.plan';

/** Who the loader's rows and events are recorded as. */
export const TERRITORY_LOAD_ACTOR = 'system:territory-load';

/** Rows per INSERT: big enough that a national tree is a handful of statements. */
export const BATCH_SIZE = 5000;

/** Splits a list into runs of at most `size` items. */
export function inBatches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

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

/** Inserts versions in multi-row statements (unnest arrays); returns how many were inserted. */
export async function insertVersions(manager: EntityManager, versions: readonly NewVersion[], reason: string): Promise<number> {
  for (const batch of inBatches(versions)) {
    await manager.query(
      `INSERT INTO administrative_unit
              (code, name, search_name, tier, parent_code, path, valid_from, valid_to, reason, created_by)
       SELECT code, name, search_name, tier, parent_code, path::ltree, valid_from, valid_to, $9, $10
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[])
           AS version(code, name, search_name, tier, parent_code, path, valid_from, valid_to)`,
      [
        batch.map((v) => v.code),
        batch.map((v) => v.name),
        batch.map((v) => foldText(v.name)),
        batch.map((v) => v.tier),
        batch.map((v) => v.parentCode),
        batch.map((v) => v.path),
        batch.map((v) => v.validFrom),
        batch.map((v) => v.validTo),
        reason,
        TERRITORY_LOAD_ACTOR,
      ],
    );
  }
  return versions.length;
}

/** Ends still-open versions on `date` (one statement); returns how many were closed. */
export async function closeVersions(manager: EntityManager, ids: readonly string[], date: string): Promise<number> {
  if (ids.length === 0) return 0;
  // TypeORM answers an UPDATE with [rows, rowCount].
  const [, closed]: [unknown[], number] = await manager.query(
    'UPDATE administrative_unit SET valid_to = $1 WHERE id = ANY($2::uuid[]) AND valid_to IS NULL',
    [date, ids],
  );
  return closed;
}

/** Records lineage rows not recorded yet; returns those that were new (the ones to announce). */
export async function insertLineage(
  manager: EntityManager,
  lineage: readonly PlannedLineage[],
  effectiveDate: string,
  reason: string,
): Promise<PlannedLineage[]> {
  const added = new Set<string>();
  for (const batch of inBatches(lineage)) {
    const rows: Array<{ predecessor: string; successor: string }> = await manager.query(
      `INSERT INTO unit_lineage (predecessor_code, successor_code, kind, effective_date, reason, created_by)
       SELECT predecessor, successor, kind, $4, $5, $6
         FROM unnest($1::text[], $2::text[], $3::text[]) AS lineage(predecessor, successor, kind)
       ON CONFLICT (predecessor_code, successor_code, effective_date) DO NOTHING
       RETURNING predecessor_code AS predecessor, successor_code AS successor`,
      [
        batch.map((row) => row.predecessor),
        batch.map((row) => row.successor),
        batch.map((row) => row.kind),
        effectiveDate,
        reason,
        TERRITORY_LOAD_ACTOR,
      ],
    );
    for (const row of rows) added.add(`${row.predecessor}>${row.successor}`);
  }
  return lineage.filter((row) => added.has(`${row.predecessor}>${row.successor}`));
}

/** Hamlets still open under any of the given units. */
export async function openHamletsUnder(
  manager: EntityManager,
  parentCodes: readonly string[],
): Promise<Array<{ code: string; parentCode: string; path: string }>> {
  if (parentCodes.length === 0) return [];
  return manager.query(
    `SELECT code, parent_code AS "parentCode", path::text AS path
       FROM administrative_unit
      WHERE tier = 'HAMLET' AND valid_to IS NULL AND parent_code = ANY($1::text[])
      ORDER BY code`,
    [parentCodes],
  );
}
