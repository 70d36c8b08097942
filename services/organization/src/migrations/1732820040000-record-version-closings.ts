import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['organization', 'organization_seat', 'duty'];

/**
 * Closing an organization, seat or duty is a change of its own, with a reason, a decision and
 * an actor; the closed version keeps the ones it started with, so the closing gets columns.
 */
export class RecordVersionClosings1732820040000 implements MigrationInterface {
  name = 'RecordVersionClosings1732820040000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await runner.query(`
        ALTER TABLE ${table}
          ADD COLUMN closed_reason       text,
          ADD COLUMN closed_decision_id  uuid REFERENCES decision (id),
          ADD COLUMN closed_by           text,
          ADD COLUMN closed_at           timestamptz,
          ADD CONSTRAINT ${table}_closing_ends_version CHECK (closed_reason IS NULL OR valid_to IS NOT NULL)`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await runner.query(`
        ALTER TABLE ${table}
          DROP CONSTRAINT ${table}_closing_ends_version,
          DROP COLUMN closed_at, DROP COLUMN closed_by, DROP COLUMN closed_decision_id, DROP COLUMN closed_reason`);
    }
  }
}
