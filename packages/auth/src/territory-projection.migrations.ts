import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates `territory_unit` (ltree path with a GiST index for subtree scans). */
export class CreateTerritoryProjection1732780000000 implements MigrationInterface {
  name = 'CreateTerritoryProjection1732780000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS ltree');
    await runner.query(`
      CREATE TABLE territory_unit (
        code        text PRIMARY KEY,
        path        ltree NOT NULL,
        name        text NOT NULL,
        tier        text NOT NULL,
        valid_from  date,
        valid_to    date,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX territory_unit_path_gist ON territory_unit USING gist (path)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE territory_unit');
  }
}

/**
 * Makes `territory_unit` effective-dated: one row per version, keyed by (code, valid_from)
 * (the key's index serves lookups by code and date), with the parent's code and the time
 * its producer stated it. `territory_unit_end` keeps the ends the producer announced, so an
 * end that arrives before the version it ends still applies. Existing rows become versions
 * (an unknown start becomes 1900-01-01) and their known ends become announced ends.
 */
export class DateTerritoryProjection1732850000000 implements MigrationInterface {
  name = 'DateTerritoryProjection1732850000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE territory_unit SET valid_from = DATE '1900-01-01' WHERE valid_from IS NULL`);
    await runner.query(`
      ALTER TABLE territory_unit
        ALTER COLUMN valid_from SET NOT NULL,
        ADD COLUMN parent_code text,
        -- a version stated by any event replaces one the migration carried over
        ADD COLUMN stated_at timestamptz NOT NULL DEFAULT '-infinity',
        DROP CONSTRAINT territory_unit_pkey,
        ADD CONSTRAINT territory_unit_pkey PRIMARY KEY (code, valid_from)`);
    await runner.query('ALTER TABLE territory_unit ALTER COLUMN stated_at DROP DEFAULT');
    // Paths are codes root first, so a carried-over row's parent is its path's second-last label.
    await runner.query('UPDATE territory_unit SET parent_code = ltree2text(subpath(path, -2, 1)) WHERE nlevel(path) > 1');
    await runner.query(`
      CREATE TABLE territory_unit_end (
        code      text NOT NULL,
        ended_on  date NOT NULL,
        PRIMARY KEY (code, ended_on)
      )`);
    await runner.query(
      'INSERT INTO territory_unit_end (code, ended_on) SELECT code, valid_to FROM territory_unit WHERE valid_to IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE territory_unit_end');
    await runner.query(`
      DELETE FROM territory_unit earlier USING territory_unit later
       WHERE later.code = earlier.code AND later.valid_from > earlier.valid_from`);
    await runner.query(`
      ALTER TABLE territory_unit
        DROP CONSTRAINT territory_unit_pkey,
        ADD CONSTRAINT territory_unit_pkey PRIMARY KEY (code),
        DROP COLUMN parent_code,
        DROP COLUMN stated_at,
        ALTER COLUMN valid_from DROP NOT NULL`);
  }
}

/**
 * Tells an end of the unit itself (merged away, dissolved: a version starting that same day was
 * superseded and never takes effect) from the end of one version (the next may start that day).
 */
export class MarkCeasedUnits1732855000000 implements MigrationInterface {
  name = 'MarkCeasedUnits1732855000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE territory_unit_end ADD COLUMN ceased boolean NOT NULL DEFAULT false');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE territory_unit_end DROP COLUMN ceased');
  }
}

/**
 * Down migrations of tables that stopped storing their unit's path and read it from the
 * projection instead: puts `unit_path` back, each row's unit as the projection last knew it
 * (the bare code for a unit it never knew).
 */
export async function restoreUnitPaths(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(`ALTER TABLE ${table} ADD COLUMN unit_path ltree`);
  await runner.query(`
    UPDATE ${table} SET unit_path = coalesce(
      (SELECT unit.path FROM territory_unit unit WHERE unit.code = ${table}.unit_code ORDER BY unit.valid_from DESC LIMIT 1),
      text2ltree(${table}.unit_code))`);
  await runner.query(`ALTER TABLE ${table} ALTER COLUMN unit_path SET NOT NULL`);
  await runner.query(`CREATE INDEX ${table}_unit_path_gist ON ${table} USING gist (unit_path)`);
}
