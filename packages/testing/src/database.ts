import { Client } from 'pg';

/** Raised when test tooling is pointed at a database that is not a test database. */
export class UnsafeDatabaseError extends Error {
  constructor(readonly database: string) {
    super(`refusing to drop database "${database}": its name does not contain "test"`);
    this.name = 'UnsafeDatabaseError';
  }
}

/** Drops and re-creates a database; refuses any name without "test" in it. */
export async function recreateTestDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name.includes('test')) {
    throw new UnsafeDatabaseError(name);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs one query against a database (tests that check what a service stored). */
export async function queryDatabase<Row = Record<string, unknown>>(
  url: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** A transaction a test holds open on a connection of its own, to make a service wait on its locks. */
export interface HeldTransaction {
  /** The backend's process id, as pg_stat_activity and pg_blocking_pids name it. */
  pid: number;
  query: <Row = Record<string, unknown>>(sql: string, parameters?: unknown[]) => Promise<Row[]>;
  /** Rolls the transaction back (dropping its locks) and closes the connection. */
  release: () => Promise<void>;
}

/** Opens a connection and begins a transaction on it; `release` ends both. */
export async function holdTransaction(url: string): Promise<HeldTransaction> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows: [{ pid }] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    let released = false;
    return {
      pid,
      query: async <Row>(sql: string, parameters: unknown[] = []) => (await client.query(sql, parameters)).rows as Row[],
      release: async () => {
        if (released) return;
        released = true;
        try {
          await client.query('ROLLBACK');
        } finally {
          await client.end();
        }
      },
    };
  } catch (error) {
    await client.end();
    throw error;
  }
}
