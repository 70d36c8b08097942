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
  if (change.ended && ended.length > 0) await endUnits(manager, ended, change.ended.on);
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

/** Records that the units ended on `date` and ends the version of each in force the day before. */
async function endUnits(manager: EntityManager, codes: readonly string[], date: string): Promise<void> {
  await manager.query(
    `INSERT INTO territory_unit_end (code, ended_on) SELECT code, $2::date FROM unnest($1::text[]) AS code ON CONFLICT DO NOTHING`,
    [codes, date],
  );
  await endVersionsInForceBefore(manager, codes, date, { emptySameDay: true });
}

/**
 * The version in force the day before `date`, if it runs past it, ends on `date`. When a unit
 * ends, a version starting on that very date came from an earlier change the same day and
 * never takes effect (its period becomes empty, as the producer drops it); when a version is
 * stored, the one starting that day is itself and keeps its period. Later versions are untouched.
 */
async function endVersionsInForceBefore(
  manager: EntityManager,
  codes: readonly string[],
  date: string,
  { emptySameDay }: { emptySameDay: boolean },
): Promise<void> {
  const ending = emptySameDay ? `(${inForceOn('unit', '$3')} OR unit.valid_from = $2)` : inForceOn('unit', '$3');
  await manager.query(
    `UPDATE territory_unit unit SET valid_to = $2, updated_at = now()
      WHERE unit.code = ANY($1::text[]) AND ${ending} AND ${notEndedBy('unit', '$2')}`,
    [codes, date, dayBefore(date)],
  );
}

/**
 * Inserts or replaces the version (code, valid_from). It runs until the next later version
 * already known, or an end already announced (an end on its own start date leaves it empty:
 * superseded the same day); the version before it ends where it starts.
 */
async function storeVersion(manager: EntityManager, version: TerritoryUnitRead, statedAt: string): Promise<void> {
  if (version.validTo !== null) await endUnits(manager, [version.code], version.validTo);
  await manager.query(
    `INSERT INTO territory_unit AS unit (code, valid_from, valid_to, path, name, tier, parent_code, stated_at)
     VALUES ($1, $2, least(
               (SELECT min(later.valid_from) FROM territory_unit later WHERE later.code = $1 AND later.valid_from > $2),
               (SELECT min(ending.ended_on) FROM territory_unit_end ending WHERE ending.code = $1 AND ending.ended_on >= $2)),
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
  await endVersionsInForceBefore(manager, [version.code], version.validFrom, { emptySameDay: false });
}
