import { effectiveVersionColumns } from '@ps/effective-dating';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Family members on a person's e-file (form 2C, quan hệ gia đình), effective-dated: recorded
 * from a date, ended by a death or a divorce, corrected by a later version. A father, mother,
 * spouse or parent-in-law is held once at a time; the same checks as the rules, as a last line.
 */
export class FamilyMembers1733500000000 implements MigrationInterface {
  name = 'FamilyMembers1733500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    const version = effectiveVersionColumns('family_member');
    await runner.query(`
      CREATE TABLE family_member (${version.columns},
        person_id           uuid NOT NULL,
        relation            text NOT NULL CHECK (relation IN ('FATHER', 'MOTHER', 'SPOUSE', 'CHILD', 'SIBLING', 'SPOUSE_FATHER', 'SPOUSE_MOTHER', 'SPOUSE_SIBLING')),
        full_name           text NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
        birth_year          integer NOT NULL CHECK (birth_year >= 1900),
        occupation          text CHECK (length(btrim(occupation)) BETWEEN 1 AND 200),
        residence           text CHECK (length(btrim(residence)) BETWEEN 1 AND 200),${version.constraints},
        CONSTRAINT family_member_single_relation EXCLUDE USING gist (person_id WITH =, relation WITH =, daterange(valid_from, valid_to) WITH &&)
          WHERE (relation IN ('FATHER', 'MOTHER', 'SPOUSE', 'SPOUSE_FATHER', 'SPOUSE_MOTHER')))`);
    await runner.query('CREATE INDEX family_member_person ON family_member (person_id, valid_from)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE family_member');
  }
}
