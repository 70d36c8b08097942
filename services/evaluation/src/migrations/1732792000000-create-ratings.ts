import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Annual ratings (xếp loại) of people and organizations of a unit. */
export class CreateRatings1732792000000 implements MigrationInterface {
  name = 'CreateRatings1732792000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rating (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_name  text NOT NULL CHECK (length(btrim(subject_name)) > 0),
        unit_code     text NOT NULL,
        unit_path     ltree NOT NULL,
        year          integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        level         text NOT NULL CHECK (level IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
        created_by    text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX rating_unit_year ON rating (unit_code, year)');
    await runner.query('CREATE INDEX rating_unit_path_gist ON rating USING gist (unit_path)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rating');
  }
}
