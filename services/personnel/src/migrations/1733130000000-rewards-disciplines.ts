import type { MigrationInterface, QueryRunner } from 'typeorm';

const DATED = `
  version_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  id                  uuid NOT NULL,
  person_id           uuid NOT NULL,
  valid_from          date NOT NULL,
  valid_to            date,
  reason              text,
  decision_id         uuid REFERENCES decision (id),
  closed_reason       text,
  closed_decision_id  uuid REFERENCES decision (id),
  closed_by           text,
  closed_at           timestamptz,
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now()`;

/**
 * Rewards and disciplines of a person, each a dated record with its decision: a discipline in
 * force from its effective date until its effect ends (open when the decision sets no end), a
 * reward from the day it was given. Read by person and date (planning, downsizing).
 */
export class RewardsDisciplines1733130000000 implements MigrationInterface {
  name = 'RewardsDisciplines1733130000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    for (const [table, columns] of [
      ['discipline', `system text NOT NULL CHECK (system IN ('PARTY', 'ADMINISTRATIVE')),
        form text NOT NULL CHECK (form IN ('REPRIMAND', 'WARNING', 'SALARY_DEMOTION', 'DEMOTION', 'REMOVAL', 'RECALL', 'DISMISSAL', 'EXPULSION'))`],
      ['reward', `form text NOT NULL CHECK (form IN ('COMMENDATION', 'CERTIFICATE_OF_MERIT', 'EMULATION_TITLE', 'MEDAL')),
        title text NOT NULL CHECK (length(btrim(title)) > 0)`],
    ]) {
      await runner.query(`
        CREATE TABLE ${table} (${DATED},
          ${columns},
          CONSTRAINT ${table}_period CHECK (valid_to IS NULL OR valid_to > valid_from),
          CONSTRAINT ${table}_closing_ends_version CHECK (closed_reason IS NULL OR valid_to IS NOT NULL),
          CONSTRAINT ${table}_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&))`);
      await runner.query(`CREATE INDEX ${table}_person ON ${table} (person_id, valid_from)`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reward');
    await runner.query('DROP TABLE discipline');
  }
}
