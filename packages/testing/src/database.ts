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
  const name = databaseName(url);
  if (!name.includes('test')) {
    throw new UnsafeDatabaseError(name);
  }
  await withAdmin(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  });
}

/**
 * Makes `to` a copy of `from` (PostgreSQL copies the files: seconds for a seeded test database):
 * `to` is dropped first and other sessions on `from` are ended, as a template must have none.
 * `comment` is kept on the copy (`databaseComment` reads it). Both names must contain "test".
 */
export async function copyTestDatabase(fromUrl: string, toUrl: string, comment?: string): Promise<void> {
  const [from, to] = [fromUrl, toUrl].map(databaseName);
  for (const name of [from, to]) if (!name.includes('test')) throw new UnsafeDatabaseError(name);
  await withAdmin(toUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(to)} WITH (FORCE)`);
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [from]);
    await client.query(`CREATE DATABASE ${quoteIdentifier(to)} TEMPLATE ${quoteIdentifier(from)}`);
    if (comment !== undefined) await client.query(`COMMENT ON DATABASE ${quoteIdentifier(to)} IS ${quoteLiteral(comment)}`);
  });
}

/** The comment kept on a database (`copyTestDatabase`), or null when it has none or does not exist. */
export async function databaseComment(url: string): Promise<string | null> {
  const name = databaseName(url);
  return withAdmin(url, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [name]);
    return rows[0]?.comment ?? null;
  });
}

/** Runs `work` on a connection to the server's `postgres` database (the server of `url`). */
async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The database a connection URL names. */
function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
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
