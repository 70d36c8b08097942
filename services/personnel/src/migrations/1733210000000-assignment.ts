import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assignments (bổ nhiệm, phân công): a person holds a title of the catalogue in an
 * organization, on one of its seats or not, effective-dated. At most one primary assignment
 * at a time; any other held at once is a concurrent post (kiêm nhiệm). The same title in the
 * same organization is held once at a time.
 */
export class Assignment1733210000000 implements MigrationInterface {
  name = 'Assignment1733210000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE assignment (
        version_id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id                  uuid NOT NULL,
        person_id           uuid NOT NULL,
        organization_id     uuid NOT NULL,
        title_code          text NOT NULL,
        seat_id             uuid,
        concurrent          boolean NOT NULL,
        end_reason          text,
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
        CONSTRAINT assignment_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT assignment_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&),
        CONSTRAINT assignment_one_primary EXCLUDE USING gist (person_id WITH =, id WITH <>, daterange(valid_from, valid_to) WITH &&)
          WHERE (NOT concurrent),
        CONSTRAINT assignment_same_post EXCLUDE USING gist (
          person_id WITH =, organization_id WITH =, title_code WITH =, id WITH <>, daterange(valid_from, valid_to) WITH &&)
      )`);
    await runner.query('CREATE INDEX assignment_organization ON assignment (organization_id, valid_from)');
    await runner.query('CREATE INDEX assignment_person ON assignment (person_id)');
    await runner.query('CREATE INDEX assignment_seat ON assignment (seat_id) WHERE seat_id IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE assignment');
  }
}
