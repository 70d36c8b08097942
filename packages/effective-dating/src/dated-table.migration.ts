import type { QueryRunner } from 'typeorm';

/**
 * Turns a table of plain rows keyed by `id` into the rows of an {@link EffectiveVersion}:
 * `id` stays the stable id, `version_id` becomes the key, and each existing row becomes its
 * thing's first version, in force from the day it was created (in Vietnam), open, with no
 * reason or decision. Versions of one thing never overlap. Needs the `decision` table
 * (`CreateDecisionsAndAuditTrail1732845000000`) to be there.
 */
export async function convertToEffectiveVersions(runner: QueryRunner, table: string): Promise<void> {
  await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
  await runner.query(`
    ALTER TABLE ${table}
      DROP CONSTRAINT ${table}_pkey,
      ALTER COLUMN id DROP DEFAULT,
      ADD COLUMN version_id          uuid NOT NULL DEFAULT gen_random_uuid(),
      ADD COLUMN valid_from          date,
      ADD COLUMN valid_to            date,
      ADD COLUMN reason              text,
      ADD COLUMN decision_id         uuid REFERENCES decision (id),
      ADD COLUMN closed_reason       text,
      ADD COLUMN closed_decision_id  uuid REFERENCES decision (id),
      ADD COLUMN closed_by           text,
      ADD COLUMN closed_at           timestamptz`);
  await runner.query(`UPDATE ${table} SET valid_from = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
  await runner.query(`
    ALTER TABLE ${table}
      ALTER COLUMN valid_from SET NOT NULL,
      ADD PRIMARY KEY (version_id),
      ADD CONSTRAINT ${table}_period CHECK (valid_to IS NULL OR valid_to > valid_from),
      ADD CONSTRAINT ${table}_closing_ends_version CHECK (closed_reason IS NULL OR valid_to IS NOT NULL),
      ADD CONSTRAINT ${table}_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&)`);
}

/**
 * Undoes {@link convertToEffectiveVersions}: each thing keeps only its latest version, keyed
 * by `id` again; history, reasons and decisions are lost.
 */
export async function revertEffectiveVersions(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(`
    DELETE FROM ${table} earlier USING ${table} later
     WHERE later.id = earlier.id AND later.valid_from > earlier.valid_from`);
  await runner.query(`
    ALTER TABLE ${table}
      DROP CONSTRAINT ${table}_no_overlap,
      DROP CONSTRAINT ${table}_closing_ends_version,
      DROP CONSTRAINT ${table}_period,
      DROP CONSTRAINT ${table}_pkey,
      DROP COLUMN version_id, DROP COLUMN valid_from, DROP COLUMN valid_to, DROP COLUMN reason, DROP COLUMN decision_id,
      DROP COLUMN closed_reason, DROP COLUMN closed_decision_id, DROP COLUMN closed_by, DROP COLUMN closed_at,
      ALTER COLUMN id SET DEFAULT gen_random_uuid(),
      ADD PRIMARY KEY (id)`);
}

/**
 * The columns and constraints every table of {@link EffectiveVersion} rows has, as a fragment of
 * `CREATE TABLE ${table} (…)`: the version key, the stable id, the period with its reason and
 * decision, the closing facts, who created it and when; versions of one thing never overlap.
 * The table's own columns and constraints go around it. Needs btree_gist and the `decision` table.
 */
export function effectiveVersionColumns(table: string): { columns: string; constraints: string } {
  return {
    columns: `
        version_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id                  uuid NOT NULL,
        valid_from          date NOT NULL,
        valid_to            date,
        reason              text,
        decision_id         uuid REFERENCES decision (id),
        closed_reason       text,
        closed_decision_id  uuid REFERENCES decision (id),
        closed_by           text,
        closed_at           timestamptz,
        created_by          text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now()`,
    constraints: `
        CONSTRAINT ${table}_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT ${table}_closing_ends_version CHECK (closed_reason IS NULL OR valid_to IS NOT NULL),
        CONSTRAINT ${table}_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&)`,
  };
}
