import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Successions looked up by their successor: when a successor organization's version is stored,
 * the closings that waited for it are found through this index, not a scan of every succession.
 */
export class SuccessionBySuccessor1734000000000 implements MigrationInterface {
  name = 'SuccessionBySuccessor1734000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX organization_succession_successor ON organization_succession (successor_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX organization_succession_successor');
  }
}
