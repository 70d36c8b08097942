import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateMessagingTables1732770000000 } from './messaging-tables.migration';
import { OUTBOX_CHANNEL } from './outbox-listener';
import { OutboxTraceContext1734400000000 } from './outbox-trace-context.migration';

/**
 * Wakes the outbox relays when events are committed: a statement-level trigger on `outbox` sends
 * `NOTIFY outbox`, which PostgreSQL delivers at commit (never for a rolled-back insert) and only
 * once per transaction, however many rows it wrote. Every service lists this after
 * `OutboxTraceContext`.
 */
export class OutboxWakeOnCommit1734500000000 implements MigrationInterface {
  name = 'OutboxWakeOnCommit1734500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await runner.query('CREATE TRIGGER outbox_wake AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_wake()');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER outbox_wake ON outbox');
    await runner.query('DROP FUNCTION outbox_wake()');
  }
}

/** The messaging tables' migrations in order: every service lists them first, so a new one is added here once. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1732770000000, OutboxTraceContext1734400000000, OutboxWakeOnCommit1734500000000];
