import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail records reads too: `kind` WRITE (every row so far, and every write) or READ
 * (a full read of protected data, Decree 13/2023/NĐ-CP: who read which fields of whom, when).
 * A read names the fields it returned and nothing else: no values, no decision.
 */
export class AuditTrailReads1733100000000 implements MigrationInterface {
  name = 'AuditTrailReads1733100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE audit_log
        ADD COLUMN kind   text NOT NULL DEFAULT 'WRITE' CHECK (kind IN ('WRITE', 'READ')),
        ADD COLUMN fields text[],
        ADD CONSTRAINT audit_log_read_names_fields
          CHECK ((kind = 'READ') = (fields IS NOT NULL AND cardinality(fields) > 0)),
        ADD CONSTRAINT audit_log_read_has_no_state
          CHECK (kind = 'WRITE' OR (before IS NULL AND after IS NULL AND decision_id IS NULL))`);
    await runner.query("CREATE INDEX audit_log_reads ON audit_log (target_id, occurred_at) WHERE kind = 'READ'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX audit_log_reads');
    await runner.query('ALTER TABLE audit_log DROP CONSTRAINT audit_log_read_has_no_state, DROP CONSTRAINT audit_log_read_names_fields, DROP COLUMN fields, DROP COLUMN kind');
  }
}
