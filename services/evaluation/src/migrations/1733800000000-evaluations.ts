import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's evaluation of a year under one subject's rules (one per person, year and subject),
 * moved through self-assessment, staff-meeting comments, the manager's proposal and the head's
 * decision; every step it took and every decided level (first decision, then each appeal's) is
 * an append-only row, so the level in force on any date is read from the steps. Appeals against
 * a decided rating, and the disciplines personnel announced (a discipline in the year forces
 * KHTNV) projected from its events.
 */
export class Evaluations1733800000000 implements MigrationInterface {
  name = 'Evaluations1733800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE evaluation (
        id               uuid PRIMARY KEY,
        person_id        uuid NOT NULL,
        full_name        text NOT NULL CHECK (btrim(full_name) <> ''),
        unit_code        text NOT NULL,
        organization_id  uuid NOT NULL,
        title_code       text NOT NULL,
        subject          text NOT NULL CHECK (subject IN ('CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'PARTY_MEMBER', 'PARTY_ORGANIZATION')),
        year             integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        duty_group       text NOT NULL DEFAULT '',
        leader           boolean NOT NULL DEFAULT false,
        status           text NOT NULL CHECK (status IN ('OPEN', 'SELF_ASSESSED', 'COMMENTED', 'PROPOSED', 'DECIDED')),
        self_level       text CHECK (self_level IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
        proposed_level   text CHECK (proposed_level IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
        level            text CHECK (level IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
        points           double precision CHECK (points BETWEEN 0 AND 100),
        rule_set         text,
        judgement        jsonb,
        decided_on       date,
        decision_id      uuid REFERENCES decision (id),
        revision         integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluation_one_per_year UNIQUE (person_id, year, subject),
        CONSTRAINT evaluation_decided CHECK ((status = 'DECIDED') = (level IS NOT NULL AND decided_on IS NOT NULL AND revision > 0))
      )`);
    await runner.query('CREATE INDEX evaluation_unit_year ON evaluation (unit_code, year)');
    await runner.query('CREATE INDEX evaluation_organization_year ON evaluation (organization_id, year)');
    await runner.query(`
      CREATE TABLE evaluation_step (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id   uuid NOT NULL REFERENCES evaluation (id),
        step            text NOT NULL CHECK (step IN ('OPENED', 'SELF_ASSESSMENT', 'STAFF_MEETING', 'MANAGER_PROPOSAL', 'HEAD_DECISION', 'APPEAL_FILED', 'APPEAL_RESOLVED')),
        level           text CHECK (level IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
        comment         text,
        effective_date  date NOT NULL,
        revision        integer NOT NULL DEFAULT 0,
        decision_id     uuid REFERENCES decision (id),
        actor           text NOT NULL,
        actor_unit_code text NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX evaluation_step_evaluation ON evaluation_step (evaluation_id, recorded_at)');
    // The level decided by a revision: at most one row per evaluation and revision.
    await runner.query(
      `CREATE UNIQUE INDEX evaluation_step_one_decision_per_revision ON evaluation_step (evaluation_id, revision) WHERE step IN ('HEAD_DECISION', 'APPEAL_RESOLVED') AND level IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE evaluation_appeal (
        id               uuid PRIMARY KEY,
        evaluation_id    uuid NOT NULL REFERENCES evaluation (id),
        filed_on         date NOT NULL,
        reason           text NOT NULL CHECK (btrim(reason) <> ''),
        filed_by         text NOT NULL,
        status           text NOT NULL CHECK (status IN ('FILED', 'UPHELD', 'DISMISSED')),
        resolved_on      date CHECK (resolved_on >= filed_on),
        resolved_level   text CHECK (resolved_level IN ('HTXS', 'HTT', 'HTNV', 'KHTNV')),
        resolution       text,
        decision_id      uuid REFERENCES decision (id),
        resolved_by      text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluation_appeal_resolved CHECK ((status = 'FILED') = (resolved_on IS NULL))
      )`);
    // One appeal open at a time per evaluation.
    await runner.query(`CREATE UNIQUE INDEX evaluation_appeal_one_open ON evaluation_appeal (evaluation_id) WHERE status = 'FILED'`);
    await runner.query(`
      CREATE TABLE discipline_fact (
        discipline_id  uuid PRIMARY KEY,
        person_id      uuid NOT NULL,
        system         text NOT NULL,
        form           text NOT NULL,
        valid_from     date NOT NULL,
        ends_on        date
      )`);
    await runner.query('CREATE INDEX discipline_fact_person ON discipline_fact (person_id, valid_from)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE discipline_fact');
    await runner.query('DROP TABLE evaluation_appeal');
    await runner.query('DROP TABLE evaluation_step');
    await runner.query('DROP TABLE evaluation');
  }
}
