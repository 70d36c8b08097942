import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox.trace_context`: the W3C trace context of the operation that recorded the event
 * (null when it ran outside a trace), so the relay publishes it in that trace and its
 * consumers continue it. Every service lists this after `CreateMessagingTables`.
 */
export class OutboxTraceContext1734400000000 implements MigrationInterface {
  name = 'OutboxTraceContext1734400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox ADD COLUMN trace_context jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox DROP COLUMN trace_context');
  }
}
