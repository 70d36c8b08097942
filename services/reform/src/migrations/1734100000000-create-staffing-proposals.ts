import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'DRAFT', 'SUBMITTED', 'APPRAISED', 'APPROVED', 'APPLIED', 'APPLY_FAILED', 'REJECTED', 'WITHDRAWN'`;
const STEPS = `'DRAFTED', 'SUBMITTED', 'APPRAISED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'APPLIED', 'APPLY_FAILED'`;

/** Staffing proposals (đề án) and their steps, append-only. */
export class CreateStaffingProposals1734100000000 implements MigrationInterface {
  name = 'CreateStaffingProposals1734100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE staffing_proposal (
        id                 uuid PRIMARY KEY,
        unit_code          text NOT NULL,
        organization_id    uuid NOT NULL,
        title              text NOT NULL CHECK (length(btrim(title)) > 0),
        increase           integer NOT NULL CHECK (increase > 0),
        positions          jsonb NOT NULL CHECK (jsonb_typeof(positions) = 'array'),
        justification      text NOT NULL CHECK (length(btrim(justification)) > 0),
        workload_evidence  text NOT NULL CHECK (length(btrim(workload_evidence)) > 0),
        status             text NOT NULL CHECK (status IN (${STATUSES})),
        drafted_on         date NOT NULL,
        appraisal_opinion  text,
        decision_ref       text,
        outcome_reason     text,
        outcome_code       text,
        applied_quota      integer,
        created_by         text NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX staffing_proposal_unit ON staffing_proposal (unit_code, status)');
    await runner.query('CREATE INDEX staffing_proposal_organization ON staffing_proposal (organization_id)');
    await runner.query(`
      CREATE TABLE staffing_proposal_step (
        id               uuid PRIMARY KEY,
        proposal_id      uuid NOT NULL REFERENCES staffing_proposal (id),
        step             text NOT NULL CHECK (step IN (${STEPS})),
        comment          text,
        effective_date   date NOT NULL,
        decision_id      uuid REFERENCES decision (id),
        actor            text NOT NULL,
        actor_unit_code  text NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX staffing_proposal_step_proposal ON staffing_proposal_step (proposal_id, recorded_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE staffing_proposal_step');
    await runner.query('DROP TABLE staffing_proposal');
  }
}
