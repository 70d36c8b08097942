import type { EntityManager } from 'typeorm';
import { notEndedBy } from '../validity';

/** A version another service announced in an event: which thing, from when, until when. */
export interface ProjectedVersion {
  id: string;
  validFrom: string;
  validTo: string | null;
}

/** How a projection table records that a run wrote a row. */
export interface ProjectedVersionsOptions {
  /** A column set to now() on every row the run replaces or ends (a table's `updated_at`); a new row takes its default. */
  stampColumn?: string;
}

/**
 * Stores, in a consumer's projection table (`id`, `valid_from`, `valid_to` and `columns`), the
 * version an event leaves in force: the version in force the day before it starts, if it runs past
 * that start, ends there; a version of the same start (a same-day correction, or the closing of a
 * version) is replaced. Applied with the event's inbox row, a redelivery changes nothing.
 */
export async function storeProjectedVersion(
  manager: EntityManager,
  table: string,
  version: ProjectedVersion,
  columns: Record<string, unknown>,
  options: ProjectedVersionsOptions = {},
): Promise<void> {
  await storeProjectedVersions(manager, table, [version], () => columns, options);
}

/**
 * Stores versions in their events' order, leaving what {@link storeProjectedVersion} applied to
 * each in turn would, in two statements whatever their number: for each (id, start) the last
 * version of that start, then every version ends at the earliest later start of its id announced
 * after it was last written (a version rewritten later in the run drops what ended it before).
 * Rows travel as JSON read into the table's own row type, so each column keeps its type.
 */
export async function storeProjectedVersions<Version extends ProjectedVersion>(
  manager: EntityManager,
  table: string,
  versions: readonly Version[],
  columnsOf: (version: Version) => Record<string, unknown>,
  { stampColumn }: ProjectedVersionsOptions = {},
): Promise<void> {
  if (versions.length === 0) return;
  const stamp = stampColumn ? `, ${stampColumn} = now()` : '';
  const rows = versions.map((version) => ({ ...columnsOf(version), id: version.id, valid_from: version.validFrom, valid_to: version.validTo }));
  const names = Object.keys(columnsOf(versions[0]));
  const run = `jsonb_populate_recordset(NULL::${table}, $1::jsonb) WITH ORDINALITY AS run`;
  await manager.query(
    `INSERT INTO ${table} (id, valid_from, valid_to, ${names.join(', ')})
     SELECT DISTINCT ON (id, valid_from) id, valid_from, valid_to, ${names.join(', ')} FROM ${run}
      ORDER BY id, valid_from, ordinality DESC
     ON CONFLICT (id, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to, ${names.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}${stamp}`,
    [JSON.stringify(rows)],
  );
  await manager.query(
    `WITH run AS (SELECT id, valid_from, ordinality FROM ${run}),
          last_written AS (SELECT id, valid_from, max(ordinality) AS ordinality FROM run GROUP BY id, valid_from),
          ending AS (
            SELECT stored.id, stored.valid_from, min(later.valid_from) AS valid_to
              FROM ${table} stored
              JOIN run later ON later.id = stored.id AND later.valid_from > stored.valid_from
              LEFT JOIN last_written ON last_written.id = stored.id AND last_written.valid_from = stored.valid_from
             WHERE last_written.ordinality IS NULL OR later.ordinality > last_written.ordinality
             GROUP BY stored.id, stored.valid_from)
     UPDATE ${table} AS stored SET valid_to = ending.valid_to${stamp} FROM ending
      WHERE stored.id = ending.id AND stored.valid_from = ending.valid_from AND ${notEndedBy('stored', 'ending.valid_to')}`,
    [JSON.stringify(rows.map(({ id, valid_from }) => ({ id, valid_from })))],
  );
}
