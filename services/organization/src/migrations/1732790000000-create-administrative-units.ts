import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Territory tree: effective-dated versions of each unit, ltree paths, one current version per code. */
export class CreateAdministrativeUnits1732790000000 implements MigrationInterface {
  name = 'CreateAdministrativeUnits1732790000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS ltree');
    await runner.query(`
      CREATE TABLE administrative_unit (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code          text NOT NULL CHECK (code ~ '^[0-9]{2,5}$|^[0-9]{5}_[0-9A-Za-z]+$'),
        name          text NOT NULL CHECK (length(btrim(name)) > 0),
        tier          text NOT NULL CHECK (tier IN ('PROVINCE', 'DISTRICT', 'COMMUNE', 'HAMLET')),
        parent_code   text,
        path          ltree NOT NULL,
        valid_from    date NOT NULL,
        valid_to      date,
        decision_ref  text,
        created_by    text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to > valid_from),
        UNIQUE (code, valid_from)
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX administrative_unit_current_code ON administrative_unit (code) WHERE valid_to IS NULL',
    );
    await runner.query('CREATE INDEX administrative_unit_path_gist ON administrative_unit USING gist (path)');
    await runner.query('CREATE INDEX administrative_unit_parent ON administrative_unit (parent_code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE administrative_unit');
  }
}
