import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People on the staff of a unit (the walking skeleton's personnel record). */
export class CreatePeople1732791000000 implements MigrationInterface {
  name = 'CreatePeople1732791000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name   text NOT NULL CHECK (length(btrim(full_name)) > 0),
        birth_year  integer CHECK (birth_year BETWEEN 1900 AND 2100),
        unit_code   text NOT NULL,
        unit_path   ltree NOT NULL,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX person_unit_code ON person (unit_code)');
    await runner.query('CREATE INDEX person_unit_path_gist ON person USING gist (unit_path)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE person');
  }
}
