import type { TerritoryUnitRead } from '@ps/contracts';
import { dayBefore, inForceOn, notEndedBy } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';

/**
 * One event's change to the projection. Every write keeps the same invariant, whatever order
 * the events come in: a version runs until the next later version of its code starts, or
 * until the first announced end after its start, whichever comes first (open if neither).
 */
export interface TerritoryChange {
  /** Versions to store (created, moved, renamed, successors, rehomed descendants). */
  versions: readonly TerritoryUnitRead[];
  /** Units that ended on a date (merged away, split away, dissolved). */
  ended?: { codes: readonly string[]; on: string };
  /** When the producer stated the change (the event's `occurredAt`): of two statements of one version, the later wins. */
  statedAt: string;
}

/** Applies one event's change; idempotent, and the same rows result in any delivery order. */
export async function applyTerritoryChange(manager: EntityManager, change: TerritoryChange): Promise<void> {
  const ended = change.ended?.codes ?? [];
  await lockUnits(manager, [...ended, ...change.versions.map((version) => version.code)]);
  if (change.ended && ended.length > 0) await endUnits(manager, ended, change.ended.on, true);
  for (const version of change.versions) await storeVersion(manager, version, change.statedAt);
}

/**
 * Serialises changes to the same units: two replicas may apply events of one unit from two
 * partitions at once. Locks are taken in code order, so two changes never wait on each other.
 */
async function lockUnits(manager: EntityManager, codes: readonly string[]): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtext('territory_unit'), hashtext(unit.code))
       FROM (SELECT DISTINCT code FROM unnest($1::text[]) AS code ORDER BY code) AS unit`,
    [codes],
  );
}

/**
 * Records that the units' versions end on `date` and ends the version of each in force the day
 * before. `ceased`: the unit itself ended then (merged away, dissolved), which also empties a
 * version starting that very day; otherwise only a version ended (the next may start then).
 */
async function endUnits(manager: EntityManager, codes: readonly string[], date: string, ceased: boolean): Promise<void> {
  await manager.query(
    `INSERT INTO territory_unit_end (code, ended_on, ceased) SELECT code, $2::date, $3 FROM unnest($1::text[]) AS code
     ON CONFLICT (code, ended_on) DO UPDATE SET ceased = territory_unit_end.ceased OR EXCLUDED.ceased`,
    [codes, date, ceased],
  );
  await endVersionsInForceBefore(manager, codes, date, ceased);
}

/**
 * The version in force the day before `date`, if it runs past it, ends on `date`; later
 * versions are untouched. When the unit itself ends (`superseding`), a version starting on
 * that very date came from an earlier change the same day and never takes effect: its period
 * becomes empty, as the producer drops it.
 */
async function endVersionsInForceBefore(manager: EntityManager, codes: readonly string[], date: string, superseding = false): Promise<void> {
  const sameDay = superseding ? ' OR unit.valid_from = $2' : '';
  await manager.query(
    `UPDATE territory_unit unit SET valid_to = $2, updated_at = now()
      WHERE unit.code = ANY($1::text[]) AND (${inForceOn('unit', '$3')}${sameDay}) AND ${notEndedBy('unit', '$2')}`,
    [codes, date, dayBefore(date)],
  );
}

/**
 * Inserts or replaces the version (code, valid_from). It runs until the next later version
 * already known, or an end already announced (an end on its own start date leaves it empty:
 * superseded the same day); the version before it ends where it starts.
 */
async function storeVersion(manager: EntityManager, version: TerritoryUnitRead, statedAt: string): Promise<void> {
  if (version.validTo !== null) await endUnits(manager, [version.code], version.validTo, false);
  await manager.query(
    `INSERT INTO territory_unit AS unit (code, valid_from, valid_to, path, name, tier, parent_code, stated_at)
     VALUES ($1, $2, least(
               (SELECT min(later.valid_from) FROM territory_unit later WHERE later.code = $1 AND later.valid_from > $2),
               (SELECT min(ending.ended_on) FROM territory_unit_end ending
                 WHERE ending.code = $1 AND (ending.ended_on > $2 OR (ending.ended_on = $2 AND ending.ceased)))),
             $3::ltree, $4, $5, $6, $7)
     ON CONFLICT (code, valid_from) DO UPDATE
       SET path = EXCLUDED.path, name = EXCLUDED.name, tier = EXCLUDED.tier, parent_code = EXCLUDED.parent_code,
           stated_at = EXCLUDED.stated_at,
           updated_at = CASE
             WHEN (unit.path, unit.name, unit.tier, unit.parent_code)
                  IS DISTINCT FROM (EXCLUDED.path, EXCLUDED.name, EXCLUDED.tier, EXCLUDED.parent_code)
             THEN now() ELSE unit.updated_at END
       WHERE unit.stated_at <= EXCLUDED.stated_at`,
    [version.code, version.validFrom, version.path, version.name, version.tier, version.parentCode, statedAt],
  );
  await endVersionsInForceBefore(manager, [version.code], version.validFrom);
}
