import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What reform knows of the organizations and people a task is assigned to, projected from
 * organization's and personnel's events: every version [valid_from, valid_to) of every
 * organization, and every person once.
 */
export class TaskOrganizationsAndPeople1734200000000 implements MigrationInterface {
  name = 'TaskOrganizationsAndPeople1734200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reform_organization (
        id          uuid NOT NULL,
        valid_from  date NOT NULL,
        valid_to    date,
        unit_code   text NOT NULL,
        name        text NOT NULL,
        kind        text NOT NULL,
        PRIMARY KEY (id, valid_from),
        CONSTRAINT reform_organization_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await runner.query('CREATE INDEX reform_organization_unit ON reform_organization (unit_code)');
    await runner.query(`
      CREATE TABLE reform_person (
        id         uuid PRIMARY KEY,
        full_name  text NOT NULL,
        unit_code  text NOT NULL
      )`);
    await runner.query('CREATE INDEX reform_person_unit ON reform_person (unit_code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reform_person');
    await runner.query('DROP TABLE reform_organization');
  }
}
