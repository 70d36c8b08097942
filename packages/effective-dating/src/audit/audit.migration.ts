import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `decision`: the decisions every change cites (already there in services that had it; the
 * issuing body is added). `audit_log`: one row per write, append-only: the database itself
 * refuses UPDATE, DELETE and TRUNCATE on it, whoever asks.
 */
export class CreateDecisionsAndAuditTrail1732845000000 implements MigrationInterface {
  name = 'CreateDecisionsAndAuditTrail1732845000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS ltree');
    await runner.query(`
      CREATE TABLE IF NOT EXISTS decision (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number      text NOT NULL CHECK (length(btrim(number)) > 0),
        decided_on  date NOT NULL,
        signer      text NOT NULL CHECK (length(btrim(signer)) > 0),
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (number, decided_on, signer)
      )`);
    await runner.query('ALTER TABLE decision ADD COLUMN IF NOT EXISTS issuer text');
    await runner.query(`
      CREATE TABLE audit_log (
        id              bigserial PRIMARY KEY,
        occurred_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id         text NOT NULL,
        username        text NOT NULL,
        role            text NOT NULL,
        actor_unit_code text NOT NULL,
        operation       text NOT NULL,
        target_type     text NOT NULL,
        target_id       text NOT NULL,
        target_label    text NOT NULL,
        unit_code       text,
        unit_paths      ltree[] NOT NULL,
        effective_date  date,
        before          jsonb,
        after           jsonb,
        decision_id     uuid REFERENCES decision (id),
        decision        jsonb,
        correlation_id  uuid NOT NULL
      )`);
    await runner.query('CREATE INDEX audit_log_unit_paths ON audit_log USING gist (unit_paths)');
    await runner.query('CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at)');
    await runner.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await runner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_is_append_only()');
  }
}
