import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organizations' names as evaluation reads them, projected from the organization's events:
 * one row per version [valid_from, valid_to), so a report names an organization as it was
 * called on the report's date, whatever it was renamed to later.
 */
export class RatedOrganizations1733840000000 implements MigrationInterface {
  name = 'RatedOrganizations1733840000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rated_organization (
        id          uuid NOT NULL,
        valid_from  date NOT NULL,
        valid_to    date,
        name        text NOT NULL,
        PRIMARY KEY (id, valid_from),
        CONSTRAINT rated_organization_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rated_organization');
  }
}
