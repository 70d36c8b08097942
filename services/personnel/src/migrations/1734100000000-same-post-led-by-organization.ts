import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rule that nobody holds the same post in one organization twice at once, checked through a
 * GiST index led by the organization instead of the person. The rule is the same (the order of
 * an exclusion's columns does not change what conflicts), but PostgreSQL picks this index, not
 * the btree on the organization, to find an organization's posts (its estimate is a hair lower),
 * and led by the person that meant a walk of the whole tree: 0.12–0.2 ms per organization
 * instead of 0.002 ms. Following the 2025 reorganisation asks it of every closed organization.
 */
export class SamePostLedByOrganization1734100000000 implements MigrationInterface {
  name = 'SamePostLedByOrganization1734100000000';

  async up(runner: QueryRunner): Promise<void> {
    await this.rebuild(runner, 'organization_id WITH =, person_id WITH =');
  }

  async down(runner: QueryRunner): Promise<void> {
    await this.rebuild(runner, 'person_id WITH =, organization_id WITH =');
  }

  private async rebuild(runner: QueryRunner, leading: string): Promise<void> {
    await runner.query(`
      ALTER TABLE assignment
        DROP CONSTRAINT assignment_same_post,
        ADD CONSTRAINT assignment_same_post
          EXCLUDE USING gist (${leading}, title_code WITH =, id WITH <>, daterange(valid_from, valid_to) WITH &&)`);
  }
}
