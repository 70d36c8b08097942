import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rotation (luân chuyển): a planned cadre's time-bound move from one unit to a catalogue title
 * at another, effective-dated: started on its start date, extended by a new version with a
 * later planned end, completed by closing. One rotation per person at a time.
 */
export class Rotation1733320000000 implements MigrationInterface {
  name = 'Rotation1733320000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rotation (
        version_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id                  uuid NOT NULL,
        person_id           uuid NOT NULL,
        from_unit_code      text NOT NULL,
        to_unit_code        text NOT NULL,
        title_code          text NOT NULL,
        starts_on           date NOT NULL,
        planned_end_on      date NOT NULL,
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
        CONSTRAINT rotation_units CHECK (from_unit_code <> to_unit_code),
        CONSTRAINT rotation_planned_end CHECK (planned_end_on > starts_on),
        CONSTRAINT rotation_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT rotation_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&),
        CONSTRAINT rotation_one_at_a_time EXCLUDE USING gist (person_id WITH =, id WITH <>, daterange(valid_from, valid_to) WITH &&)
      )`);
    await runner.query('CREATE INDEX rotation_person ON rotation (person_id)');
    await runner.query('CREATE INDEX rotation_units ON rotation (to_unit_code, from_unit_code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rotation');
  }
}
