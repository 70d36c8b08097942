import { createDataSource } from '@ps/service-kit';
import { recreateTestDatabase, serviceTestEnv } from '@ps/testing';
import type { DataSource } from 'typeorm';
import type { HolderKey } from '../src/quota/quota.allocation';
import { lockQuotaHolders } from '../src/quota/quota.scope';

// PostgreSQL only: the quota holders' advisory locks, as pg_locks shows them.
const { DATABASE_URL } = serviceTestEnv('organization', 'ps_organization_quota_locks_test');
let dataSource: DataSource;

beforeAll(async () => {
  await recreateTestDatabase(DATABASE_URL);
  dataSource = createDataSource({ url: DATABASE_URL, entities: [], migrations: [], applicationName: 'quota-locks-test' });
  await dataSource.initialize();
});

afterAll(() => dataSource?.destroy());

/** The quota lock numbers a session holds (granted) or waits for. */
async function quotaLocks(pid: number, granted: boolean): Promise<number[]> {
  const rows: Array<{ lock: number }> = await dataSource.query(
    `SELECT (objid::bigint - CASE WHEN objid::bigint > 2147483647 THEN 4294967296 ELSE 0 END)::int AS lock FROM pg_locks
      WHERE locktype = 'advisory' AND objsubid = 2 AND pid = $1 AND granted = $2
        AND classid = (hashtext('staffing_quota')::bigint & 4294967295)::oid
      ORDER BY lock`,
    [pid, granted],
  );
  return rows.map((row) => row.lock);
}

async function lockNumbers(holders: readonly string[]): Promise<number[]> {
  const rows: Array<{ lock: number }> = await dataSource.query('SELECT DISTINCT hashtext(holder) AS lock FROM unnest($1::text[]) AS holder ORDER BY lock', [holders]);
  return rows.map((row) => row.lock);
}

/** Two holders, the one with the lower lock number first. */
async function lowAndHigh(): Promise<Array<{ holder: HolderKey; lock: number }>> {
  const holders: HolderKey[] = ['UNIT:01', 'UNIT:02'];
  const locked = await Promise.all(holders.map(async (holder) => ({ holder, lock: (await lockNumbers([holder]))[0] })));
  return locked.sort((a, b) => a.lock - b.lock);
}

describe('lockQuotaHolders', () => {
  it('locks exactly the holders given, once each, until the transaction ends', async () => {
    const holders: HolderKey[] = ['UNIT:79', 'UNIT:74', 'ORGANIZATION:7d0f3f55-3b0e-4c7e-9a51-0a3c1c1d2e3f', 'UNIT:79'];
    const held = await dataSource.transaction(async (manager) => {
      await lockQuotaHolders(manager, holders);
      const [{ pid }] = await manager.query('SELECT pg_backend_pid() AS pid');
      return quotaLocks(pid, true);
    });
    expect(held).toEqual(await lockNumbers(holders));
    expect(held).toHaveLength(3);
  });

  it('takes them in the order of their lock numbers: behind a held higher lock, the lower one is already taken', async () => {
    const [low, high] = await lowAndHigh();
    const blocker = dataSource.createQueryRunner();
    const waiter = dataSource.createQueryRunner();
    try {
      await blocker.startTransaction();
      await lockQuotaHolders(blocker.manager, [high.holder]);
      await waiter.startTransaction();
      const [{ pid }] = await waiter.query('SELECT pg_backend_pid() AS pid');
      // Named high first: the locks still go low, then high.
      const waiting = lockQuotaHolders(waiter.manager, [high.holder, low.holder]);
      let waits: number[] = [];
      for (let attempt = 0; attempt < 100 && waits.length === 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        waits = await quotaLocks(pid, false);
      }
      expect(waits).toEqual([high.lock]);
      expect(await quotaLocks(pid, true)).toEqual([low.lock]);
      await blocker.commitTransaction();
      await waiting;
      expect(await quotaLocks(pid, true)).toEqual([low.lock, high.lock]);
      await waiter.commitTransaction();
    } finally {
      await blocker.release();
      await waiter.release();
    }
  });
});
