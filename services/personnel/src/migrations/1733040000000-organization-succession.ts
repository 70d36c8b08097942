import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Successions recorded from organization's closings: which body took over an organization's
 * members and staff, from when, on which change. Kept so that people recorded later (a seed,
 * an admission back-dated before the closing) follow the same succession.
 */
export class OrganizationSuccession1733040000000 implements MigrationInterface {
  name = 'OrganizationSuccession1733040000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE organization_succession (
        organization_id  uuid PRIMARY KEY,
        successor_id     uuid NOT NULL CHECK (successor_id <> organization_id),
        effective_date   date NOT NULL,
        reason           text NOT NULL,
        decision         jsonb NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE organization_succession');
  }
}
