import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cadre planning (quy hoạch cán bộ): who is planned for which position — a catalogue title at
 * a unit — in which term, effective-dated. A person is planned once per position at a time.
 */
export class CadrePlanning1733310000000 implements MigrationInterface {
  name = 'CadrePlanning1733310000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cadre_planning (
        version_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id                  uuid NOT NULL,
        person_id           uuid NOT NULL,
        title_code          text NOT NULL,
        tier                text NOT NULL CHECK (tier IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        unit_code           text NOT NULL,
        term_start          integer NOT NULL,
        term_end            integer NOT NULL,
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
        CONSTRAINT cadre_planning_term CHECK (term_end > term_start),
        CONSTRAINT cadre_planning_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT cadre_planning_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&),
        CONSTRAINT cadre_planning_once_per_position EXCLUDE USING gist (
          person_id WITH =, title_code WITH =, unit_code WITH =, term_start WITH =, id WITH <>, daterange(valid_from, valid_to) WITH &&)
      )`);
    await runner.query('CREATE INDEX cadre_planning_position ON cadre_planning (unit_code, term_start, title_code)');
    await runner.query('CREATE INDEX cadre_planning_person ON cadre_planning (person_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cadre_planning');
  }
}
