import { Client } from 'pg';
import { DataSource, type DataSourceOptions as TypeOrmOptions } from 'typeorm';
import type { Logger } from 'pino';

export interface DataSourceOptions {
  url: string;
  entities: NonNullable<TypeOrmOptions['entities']>;
  migrations: NonNullable<TypeOrmOptions['migrations']>;
  /** Application name shown in pg_stat_activity. */
  applicationName: string;
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
    migrationsTransactionMode: 'each',
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

/** Initialises the data source and applies pending migrations, logging each one. */
export async function openDatabase(
  dataSource: DataSource,
  logger: Logger,
  options: { migrate: boolean },
): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  if (!options.migrate) return;
  // Replicas starting together must not run the same migration twice: one at a time.
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext('typeorm-migrations'))");
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
  } finally {
    await lock.query("SELECT pg_advisory_unlock(hashtext('typeorm-migrations'))").catch(() => undefined);
    await lock.release();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
