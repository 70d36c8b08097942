import type { MigrationInterface, QueryRunner } from 'typeorm';

const STEPS = `'DRAFTED', 'SUBMITTED', 'APPRAISED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'APPLIED', 'APPLY_FAILED'`;

/**
 * What reform needs to follow restructurings: the organizations that passed to a successor
 * (from organization's OrganizationClosed), the facts each unit succession cites, the date a
 * proposal came under its unit (drafted there, or moved there by a restructuring), and the
 * MOVED step of a proposal.
 */
export class FollowRestructurings1734300000000 implements MigrationInterface {
  name = 'FollowRestructurings1734300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reform_organization_succession (
        organization_id  uuid PRIMARY KEY,
        successor_id     uuid NOT NULL,
        effective_date   date NOT NULL,
        reason           text NOT NULL,
        decision         jsonb NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX reform_organization_succession_successor ON reform_organization_succession (successor_id)');
    await runner.query('ALTER TABLE reform_unit_succession ADD COLUMN successor_path text, ADD COLUMN reason text, ADD COLUMN decision jsonb');
    await runner.query('ALTER TABLE staffing_proposal ADD COLUMN placed_on date');
    await runner.query('UPDATE staffing_proposal SET placed_on = drafted_on');
    await runner.query('ALTER TABLE staffing_proposal ALTER COLUMN placed_on SET NOT NULL');
    await runner.query('ALTER TABLE staffing_proposal_step DROP CONSTRAINT staffing_proposal_step_step_check');
    await runner.query(`ALTER TABLE staffing_proposal_step ADD CONSTRAINT staffing_proposal_step_step_check CHECK (step IN (${STEPS}, 'MOVED'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE staffing_proposal_step DROP CONSTRAINT staffing_proposal_step_step_check');
    await runner.query(`ALTER TABLE staffing_proposal_step ADD CONSTRAINT staffing_proposal_step_step_check CHECK (step IN (${STEPS}))`);
    await runner.query('ALTER TABLE staffing_proposal DROP COLUMN placed_on');
    await runner.query('ALTER TABLE reform_unit_succession DROP COLUMN successor_path, DROP COLUMN reason, DROP COLUMN decision');
    await runner.query('DROP TABLE reform_organization_succession');
  }
}
