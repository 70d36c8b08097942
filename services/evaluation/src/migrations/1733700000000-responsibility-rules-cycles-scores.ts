import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job-responsibility rules (effective-dated, one in force per unit, organization and title),
 * evaluation cycles (one per unit, kind and period) and period scores (one per person and cycle,
 * and no day of a person scored twice, wherever earned).
 */
export class ResponsibilityRulesCyclesScores1733700000000 implements MigrationInterface {
  name = 'ResponsibilityRulesCyclesScores1733700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await runner.query(`
      CREATE TABLE responsibility_rule (
        version_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id                  uuid NOT NULL,
        unit_code           text NOT NULL,
        organization_id     uuid NOT NULL,
        title_code          text NOT NULL CHECK (title_code ~ '^[A-Z][A-Z0-9_]*$'),
        products            jsonb NOT NULL CHECK (jsonb_typeof(products) = 'array' AND jsonb_array_length(products) > 0),
        valid_from          date NOT NULL,
        valid_to            date,
        reason              text,
        decision_id         uuid REFERENCES decision (id),
        closed_reason       text,
        closed_decision_id  uuid REFERENCES decision (id),
        closed_by           text,
        closed_at           timestamptz,
        created_by          text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT responsibility_rule_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT responsibility_rule_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&),
        CONSTRAINT responsibility_rule_one_per_holder EXCLUDE USING gist
          (unit_code WITH =, organization_id WITH =, title_code WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await runner.query(`
      CREATE TABLE evaluation_cycle (
        id                  uuid PRIMARY KEY,
        unit_code           text NOT NULL,
        kind                text NOT NULL CHECK (kind IN ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
        period_from         date NOT NULL,
        period_to           date NOT NULL CHECK (period_to > period_from),
        opened_on           date NOT NULL,
        opened_decision_id  uuid NOT NULL REFERENCES decision (id),
        opened_by           text NOT NULL,
        closed_on           date CHECK (closed_on >= opened_on),
        closed_decision_id  uuid REFERENCES decision (id),
        closed_by           text,
        created_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluation_cycle_one_per_period UNIQUE (unit_code, kind, period_from)
      )`);
    await runner.query(`
      CREATE TABLE period_score (
        id               uuid PRIMARY KEY,
        cycle_id         uuid NOT NULL REFERENCES evaluation_cycle (id),
        person_id        uuid NOT NULL,
        unit_code        text NOT NULL,
        period_from      date NOT NULL,
        period_to        date NOT NULL,
        subject          text NOT NULL CHECK (subject IN ('CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'PARTY_MEMBER', 'PARTY_ORGANIZATION')),
        organization_id  uuid NOT NULL,
        title_code       text NOT NULL,
        rule_version_id  uuid NOT NULL REFERENCES responsibility_rule (version_id),
        leave_days       integer NOT NULL CHECK (leave_days >= 0),
        assessed         jsonb NOT NULL,
        delivered        jsonb NOT NULL,
        result           jsonb NOT NULL,
        points           double precision NOT NULL CHECK (points BETWEEN 0 AND 100),
        scored_on        date NOT NULL,
        decision_id      uuid NOT NULL REFERENCES decision (id),
        scored_by        text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT period_score_one_per_cycle UNIQUE (cycle_id, person_id),
        CONSTRAINT period_score_no_day_twice EXCLUDE USING gist (person_id WITH =, daterange(period_from, period_to, '[]') WITH &&)
      )`);
    await runner.query('CREATE INDEX period_score_person_period ON period_score (person_id, period_from)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE period_score');
    await runner.query('DROP TABLE evaluation_cycle');
    await runner.query('DROP TABLE responsibility_rule');
  }
}
