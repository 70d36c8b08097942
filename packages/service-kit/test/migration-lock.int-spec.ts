import { infrastructure, queryDatabase, recreateTestDatabase } from '@ps/testing';
import pino from 'pino';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDataSource, openDatabase } from '../src/data-source';

// Two migrations that fail when run twice (CREATE TABLE without IF NOT EXISTS), slow enough that
// replicas starting together overlap.
class CreateLedger1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_sleep(0.3)');
    await runner.query('CREATE TABLE ledger (id int PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ledger');
  }
}

class FillLedger1700000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('INSERT INTO ledger (id) VALUES (1)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM ledger');
  }
}

class BrokenMigration1700000000002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('INSERT INTO ledger (id) VALUES (2)');
    await runner.query('SELECT no_such_function()');
  }
  async down(): Promise<void> {}
}

const url = infrastructure.databaseUrl('ps_kit_migration_lock_test');
const logger = pino({ level: 'silent' });
const replica = (migrations: Array<new () => MigrationInterface>) =>
  createDataSource({ url, entities: [], migrations, applicationName: 'migration-lock-test', poolSize: 3 });

describe('migrations at start (openDatabase)', () => {
  beforeEach(() => recreateTestDatabase(url));

  it('runs each migration once when replicas start together, and leaves no advisory lock behind', async () => {
    const replicas = [1, 2, 3, 4].map(() => replica([CreateLedger1700000000000, FillLedger1700000000001]));
    try {
      await Promise.all(replicas.map((dataSource) => openDatabase(dataSource, logger, { migrate: true })));
      expect(await queryDatabase(url, 'SELECT name FROM migrations ORDER BY id')).toEqual([
        { name: 'CreateLedger1700000000000' },
        { name: 'FillLedger1700000000001' },
      ]);
      expect(await queryDatabase(url, 'SELECT id FROM ledger')).toEqual([{ id: 1 }]);
      const locks = await queryDatabase(
        url,
        "SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      );
      expect(locks).toEqual([{ held: 0 }]);
    } finally {
      await Promise.all(replicas.map((dataSource) => dataSource.destroy()));
    }
  });

  it('applies a release’s migrations all together or not at all', async () => {
    const dataSource = replica([CreateLedger1700000000000, FillLedger1700000000001, BrokenMigration1700000000002]);
    try {
      await expect(openDatabase(dataSource, logger, { migrate: true })).rejects.toThrow(/no_such_function/);
      const tables = await queryDatabase(url, "SELECT to_regclass('ledger') AS ledger, to_regclass('migrations') AS migrations");
      expect(tables).toEqual([{ ledger: null, migrations: null }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
