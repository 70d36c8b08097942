import type { TerritoryUnitRead } from '@ps/contracts';
import { notEndedBy } from '@ps/effective-dating';
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

/**
 * A date on which versions of a unit stop: an end the producer announced, or the start of a
 * version (which ends the one before it). `ceased`: the unit itself ended (merged away,
 * dissolved), which also empties a version starting that very day, superseded the same day.
 */
interface Bound {
  code: string;
  day: string;
  ceased: boolean;
}

/** The statement of a version that applying the run one by one would leave. */
interface StatedVersion {
  version: TerritoryUnitRead;
  statedAt: string;
  /**
   * When the run restated the version differently before settling on this statement: the
   * `statedAt` of the statement it last changed from (null if it never did). A row held with
   * a `stated_at` up to it was rewritten on the way, even if it ends as it began.
   */
  changedAfter: string | null;
}

/**
 * Applies consecutive events' changes at once, with the same few statements however many there
 * are, leaving what applying them one by one in this order would: ends are only ever brought
 * forward, so every end and every version start of the run bounds the versions before it in one
 * pass, and of several statements of one version the later stated wins (the later in the run on
 * a tie). Idempotent, and the same rows result in any delivery order.
 */
export async function applyTerritoryChanges(manager: EntityManager, changes: readonly TerritoryChange[]): Promise<void> {
  const ends = changes.flatMap(({ ended, versions }) => [
    ...(ended ? ended.codes.map((code): Bound => ({ code, day: ended.on, ceased: true })) : []),
    ...versions.flatMap((version): Bound[] => (version.validTo === null ? [] : [{ code: version.code, day: version.validTo, ceased: false }])),
  ]);
  const versions = latestStatements(changes);
  const starts = versions.map(({ version }): Bound => ({ code: version.code, day: version.validFrom, ceased: false }));
  await lockUnits(manager, [...ends.map((end) => end.code), ...starts.map((start) => start.code)]);
  if (ends.length > 0) await recordEnds(manager, ends);
  if (versions.length > 0) await storeVersions(manager, versions);
  if (ends.length + starts.length > 0) await endVersionsBefore(manager, [...ends, ...starts]);
}

/**
 * Of each version (code, valid_from) the run states, the statement that prevails: the latest
 * stated, the later in the run on a tie. Only the statements stated no earlier than all before
 * them in the run could ever have been applied; among those, where the content last changed.
 */
function latestStatements(changes: readonly TerritoryChange[]): StatedVersion[] {
  const latest = new Map<string, StatedVersion>();
  for (const { versions, statedAt } of changes) {
    for (const version of versions) {
      const key = `${version.code}@${version.validFrom}`;
      const held = latest.get(key);
      if (held && Date.parse(statedAt) < Date.parse(held.statedAt)) continue;
      const changedAfter = held && !sameContent(held.version, version) ? held.statedAt : (held?.changedAfter ?? null);
      latest.set(key, { version, statedAt, changedAfter });
    }
  }
  return [...latest.values()];
}

function sameContent(a: TerritoryUnitRead, b: TerritoryUnitRead): boolean {
  return a.path === b.path && a.name === b.name && a.tier === b.tier && a.parentCode === b.parentCode;
}

/**
 * Serialises changes to the same units: two replicas may apply events of one unit from two
 * partitions at once. Locks are taken in the order of their keys (two codes may share one), so
 * two changes never wait on each other.
 */
async function lockUnits(manager: EntityManager, codes: readonly string[]): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtext('territory_unit'), unit.key)
       FROM (SELECT DISTINCT hashtext(code) AS key FROM unnest($1::text[]) AS code ORDER BY key) AS unit`,
    [codes],
  );
}

/** Records the announced ends, so that a version that arrives after its end still stops there. */
async function recordEnds(manager: EntityManager, ends: readonly Bound[]): Promise<void> {
  await manager.query(
    `INSERT INTO territory_unit_end (code, ended_on, ceased)
     SELECT code, ended_on, bool_or(ceased) FROM unnest($1::text[], $2::date[], $3::boolean[]) AS ending (code, ended_on, ceased)
      GROUP BY code, ended_on
     ON CONFLICT (code, ended_on) DO UPDATE SET ceased = territory_unit_end.ceased OR EXCLUDED.ceased`,
    [ends.map((end) => end.code), ends.map((end) => end.day), ends.map((end) => end.ceased)],
  );
}

/**
 * Inserts or replaces the versions. A new one runs until the next later version already held,
 * or an end announced (an end on its own start date leaves it empty: superseded the same day);
 * {@link endVersionsBefore} then bounds it by the run's own later versions. A held version is
 * replaced by a statement stated no earlier, its `updated_at` moved only if its content changed.
 */
async function storeVersions(manager: EntityManager, versions: readonly StatedVersion[]): Promise<void> {
  const column = <Value>(read: (stated: StatedVersion) => Value) => versions.map(read);
  await manager.query(
    `INSERT INTO territory_unit AS unit (code, valid_from, valid_to, path, name, tier, parent_code, stated_at)
     SELECT stated.code, stated.valid_from, least(
              (SELECT min(later.valid_from) FROM territory_unit later WHERE later.code = stated.code AND later.valid_from > stated.valid_from),
              (SELECT min(ending.ended_on) FROM territory_unit_end ending
                WHERE ending.code = stated.code AND (ending.ended_on > stated.valid_from OR (ending.ended_on = stated.valid_from AND ending.ceased)))),
            stated.path::ltree, stated.name, stated.tier, stated.parent_code, stated.stated_at
       FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
         AS stated (code, valid_from, path, name, tier, parent_code, stated_at)
     ON CONFLICT (code, valid_from) DO UPDATE
       SET path = EXCLUDED.path, name = EXCLUDED.name, tier = EXCLUDED.tier, parent_code = EXCLUDED.parent_code,
           stated_at = EXCLUDED.stated_at,
           updated_at = CASE
             WHEN (unit.path, unit.name, unit.tier, unit.parent_code)
                  IS DISTINCT FROM (EXCLUDED.path, EXCLUDED.name, EXCLUDED.tier, EXCLUDED.parent_code)
               OR unit.stated_at <= (SELECT changed.after FROM unnest($1::text[], $2::date[], $8::timestamptz[]) AS changed (code, valid_from, after)
                                      WHERE changed.code = EXCLUDED.code AND changed.valid_from = EXCLUDED.valid_from)
             THEN now() ELSE unit.updated_at END
       WHERE unit.stated_at <= EXCLUDED.stated_at`,
    [
      column(({ version }) => version.code),
      column(({ version }) => version.validFrom),
      column(({ version }) => version.path),
      column(({ version }) => version.name),
      column(({ version }) => version.tier),
      column(({ version }) => version.parentCode),
      column(({ statedAt }) => statedAt),
      column(({ changedAfter }) => changedAfter),
    ],
  );
}

/**
 * Each version of the bounded units ends at the earliest bound after its start (or on its
 * start, for a unit that ceased that day) if it ran past it; later versions are untouched.
 */
async function endVersionsBefore(manager: EntityManager, bounds: readonly Bound[]): Promise<void> {
  await manager.query(
    `UPDATE territory_unit unit SET valid_to = bounded.valid_to, updated_at = now()
       FROM (SELECT version.code, version.valid_from, min(bound.day) AS valid_to
               FROM unnest($1::text[], $2::date[], $3::boolean[]) AS bound (code, day, ceased)
               JOIN territory_unit version ON version.code = bound.code
                AND (version.valid_from < bound.day OR (bound.ceased AND version.valid_from = bound.day))
              GROUP BY version.code, version.valid_from) AS bounded
      WHERE unit.code = bounded.code AND unit.valid_from = bounded.valid_from AND ${notEndedBy('unit', 'bounded.valid_to')}`,
    [bounds.map((bound) => bound.code), bounds.map((bound) => bound.day), bounds.map((bound) => bound.ceased)],
  );
}
