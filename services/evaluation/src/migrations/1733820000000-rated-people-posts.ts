import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personnel's people and posts as evaluation reads them, projected from PersonRegistered and
 * AssignmentChanged: whom it rates (name, unit, category) and in which post, one row per
 * version of an assignment [valid_from, valid_to) — a restructuring's MOVED ends one version and
 * starts the next in the successor's organization, ENDED ends the last. A person's unit is the
 * one they were registered in: personnel announces no later move of the e-file, the post's
 * version says where they serve.
 */
export class RatedPeoplePosts1733820000000 implements MigrationInterface {
  name = 'RatedPeoplePosts1733820000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rated_person (
        id         uuid PRIMARY KEY,
        full_name  text NOT NULL,
        unit_code  text NOT NULL,
        category   text CHECK (category IN ('CADRE', 'CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'WORKER', 'COMMUNE_NON_PROFESSIONAL'))
      )`);
    await runner.query(`
      CREATE TABLE rated_post (
        assignment_id    uuid NOT NULL,
        valid_from       date NOT NULL,
        valid_to         date,
        person_id        uuid NOT NULL,
        organization_id  uuid NOT NULL,
        title_code       text NOT NULL,
        unit_code        text NOT NULL,
        concurrent       boolean NOT NULL,
        PRIMARY KEY (assignment_id, valid_from),
        CONSTRAINT rated_post_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await runner.query('CREATE INDEX rated_post_person ON rated_post (person_id)');
    await runner.query('CREATE INDEX rated_post_unit_title ON rated_post (unit_code, title_code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rated_post');
    await runner.query('DROP TABLE rated_person');
  }
}
