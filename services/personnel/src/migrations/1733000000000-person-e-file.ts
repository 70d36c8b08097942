import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person's e-file: personal ID, birth date, gender, ethnicity, religion, home place and
 * category on every version (null for people registered before it). One person per personal
 * ID: versions of one person share it, no two people do.
 */
export class PersonEFile1733000000000 implements MigrationInterface {
  name = 'PersonEFile1733000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE person
        ADD COLUMN personal_id  text CHECK (personal_id ~ '^[0-9]{12}$'),
        ADD COLUMN birth_date   date,
        ADD COLUMN gender       text CHECK (gender IN ('MALE', 'FEMALE')),
        ADD COLUMN ethnicity    text,
        ADD COLUMN religion     text,
        ADD COLUMN home_place   text,
        ADD COLUMN category     text CHECK (category IN ('CADRE', 'CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'WORKER', 'COMMUNE_NON_PROFESSIONAL')),
        ADD CONSTRAINT person_one_per_personal_id EXCLUDE USING gist (personal_id WITH =, id WITH <>)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE person
        DROP CONSTRAINT person_one_per_personal_id,
        DROP COLUMN personal_id, DROP COLUMN birth_date, DROP COLUMN gender, DROP COLUMN ethnicity,
        DROP COLUMN religion, DROP COLUMN home_place, DROP COLUMN category`);
  }
}
