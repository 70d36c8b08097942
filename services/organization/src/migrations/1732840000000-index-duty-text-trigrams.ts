import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trigram index on the folded duty text, so the overlap self-join can probe for alike texts
 * (`%`) instead of comparing every pair of a unit's duties. pg_trgm is installed by
 * CreateOrganizationModel1732800000000.
 */
export class IndexDutyTextTrigrams1732840000000 implements MigrationInterface {
  name = 'IndexDutyTextTrigrams1732840000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX duty_normalized_trigram ON duty USING gin (normalized_text gin_trgm_ops)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX duty_normalized_trigram');
  }
}
