import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEVELS = `('HTXS', 'HTT', 'HTNV', 'KHTNV')`;

/**
 * What personnel keeps of evaluation's finalised ratings (`EvaluationFinalized`): the rating
 * history, one row per evaluation holding its latest revision; the downsizing candidates derived
 * from it, one per evaluation and ground, withdrawn (never deleted) when a later revision no longer
 * meets the ground; and the reward proposals for HTXS. Candidates announced before by the retired
 * `DownsizingCandidateIdentified` (no producer ever published it) keep their rows: the event that
 * announced one stands in for its evaluation, revision 1.
 */
export class RatingHistory1733900000000 implements MigrationInterface {
  name = 'RatingHistory1733900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person_rating (
        evaluation_id    uuid PRIMARY KEY,
        person_id        uuid NOT NULL,
        full_name        text NOT NULL,
        unit_code        text NOT NULL,
        organization_id  uuid NOT NULL,
        title_code       text NOT NULL,
        subject          text NOT NULL CHECK (subject IN ('CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'PARTY_MEMBER', 'PARTY_ORGANIZATION')),
        year             int NOT NULL,
        level            text NOT NULL CHECK (level IN ${LEVELS}),
        points           numeric,
        rule_set         text NOT NULL,
        rule_source      text NOT NULL,
        applied_rules    jsonb NOT NULL,
        revision         int NOT NULL CHECK (revision >= 1),
        appeal_id        uuid,
        effective_date   date NOT NULL,
        event_id         uuid NOT NULL,
        received_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX person_rating_person ON person_rating (person_id, year)');
    await this.candidatesFromEvaluations(runner);
    await runner.query(`
      CREATE TABLE reward_proposal (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id          uuid NOT NULL UNIQUE,
        person_id              uuid NOT NULL,
        full_name              text NOT NULL,
        unit_code              text NOT NULL,
        year                   int NOT NULL,
        points                 numeric,
        rule_source            text NOT NULL,
        status                 text NOT NULL CHECK (status IN ('PROPOSED', 'WITHDRAWN')),
        revision               int NOT NULL,
        withdrawn_by_revision  int,
        effective_date         date NOT NULL,
        received_at            timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reward_proposal_withdrawn CHECK ((status = 'WITHDRAWN') = (withdrawn_by_revision IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX reward_proposal_unit ON reward_proposal (unit_code, year)');
  }

  private async candidatesFromEvaluations(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE downsizing_candidate
        ADD COLUMN evaluation_id          uuid,
        ADD COLUMN full_name              text,
        ADD COLUMN ground_name            text,
        ADD COLUMN status                 text,
        ADD COLUMN exclusions             jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN revision               int,
        ADD COLUMN withdrawn_by_revision  int,
        ADD COLUMN effective_date         date,
        ADD COLUMN updated_at             timestamptz NOT NULL DEFAULT now()`);
    await runner.query(`
      UPDATE downsizing_candidate candidate
         SET evaluation_id = candidate.id, status = 'CANDIDATE', revision = 1, effective_date = candidate.received_at::date,
             full_name = coalesce((SELECT person.full_name FROM person WHERE person.id = candidate.person_id ORDER BY person.valid_from DESC LIMIT 1), '')`);
    await runner.query(`
      ALTER TABLE downsizing_candidate
        ALTER COLUMN evaluation_id SET NOT NULL,
        ALTER COLUMN full_name SET NOT NULL,
        ALTER COLUMN status SET NOT NULL,
        ALTER COLUMN revision SET NOT NULL,
        ALTER COLUMN effective_date SET NOT NULL,
        ADD CONSTRAINT downsizing_candidate_status CHECK (status IN ('CANDIDATE', 'EXCLUDED', 'WITHDRAWN')),
        ADD CONSTRAINT downsizing_candidate_withdrawn CHECK ((status = 'WITHDRAWN') = (withdrawn_by_revision IS NOT NULL)),
        ADD CONSTRAINT downsizing_candidate_once_per_ground UNIQUE (evaluation_id, ground_code)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reward_proposal');
    await runner.query(`
      ALTER TABLE downsizing_candidate
        DROP CONSTRAINT downsizing_candidate_once_per_ground, DROP CONSTRAINT downsizing_candidate_withdrawn, DROP CONSTRAINT downsizing_candidate_status,
        DROP COLUMN updated_at, DROP COLUMN effective_date, DROP COLUMN withdrawn_by_revision, DROP COLUMN revision, DROP COLUMN exclusions,
        DROP COLUMN status, DROP COLUMN ground_name, DROP COLUMN full_name, DROP COLUMN evaluation_id`);
    await runner.query('DROP TABLE person_rating');
  }
}
