import { Client } from 'pg';
import { DataSource, MigrationExecutor, type DataSourceOptions as TypeOrmOptions } from 'typeorm';
import type { Logger } from 'pino';

export interface DataSourceOptions {
  url: string;
  entities: NonNullable<TypeOrmOptions['entities']>;
  migrations: NonNullable<TypeOrmOptions['migrations']>;
  /** Application name shown in pg_stat_activity. */
  applicationName: string;
  /** Connections this process opens at most (DATABASE_POOL_SIZE); 10 when not given. */
  poolSize?: number;
}

/** A PostgreSQL data source that only ever changes the schema through migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    applicationName: options.applicationName,
    extra: { max: options.poolSize ?? 10 },
  });
}

/** Creates the database named in `url` when it does not exist yet (local and test runs). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Initialises the data source and applies pending migrations, logging each one.
 *
 * Replicas starting together must not run the same migration twice, so the run holds an advisory
 * lock. The lock is transaction-scoped and the pending migrations run inside that one transaction:
 * behind PgBouncer in transaction mode a session-level lock would stay on whichever server
 * connection took it, and its unlock could reach another. All of a release's migrations apply
 * together or not at all.
 */
export async function openDatabase(
  dataSource: DataSource,
  logger: Logger,
  options: { migrate: boolean },
): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  if (!options.migrate) return;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query("SELECT pg_advisory_xact_lock(hashtext('typeorm-migrations'))");
    // The transaction is already open: the executor runs every migration inside it.
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'all';
    const applied = await executor.executePendingMigrations();
    await runner.commitTransaction();
    for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
