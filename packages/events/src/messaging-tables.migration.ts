import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox`: events written in the same transaction as the change they describe, published
 * by the relay. `inbox`: events a consumer has applied, written in the same transaction as
 * the side effect, so a redelivery is a no-op.
 */
export class CreateMessagingTables1732770000000 implements MigrationInterface {
  name = 'CreateMessagingTables1732770000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        position      bigserial PRIMARY KEY,
        id            uuid NOT NULL UNIQUE,
        topic         text NOT NULL,
        message_key   text NOT NULL,
        event_type    text NOT NULL,
        envelope      jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz,
        attempts      integer NOT NULL DEFAULT 0,
        last_error    text
      )`);
    await runner.query('CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL');
    await runner.query(`
      CREATE TABLE inbox (
        consumer     text NOT NULL,
        event_id     uuid NOT NULL,
        event_type   text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox');
    await runner.query('DROP TABLE outbox');
  }
}
