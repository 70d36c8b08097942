import { infrastructure, recreateTestDatabase } from '@ps/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { storeProjectedVersion, storeProjectedVersions, type ProjectedVersion } from '../src';

/** Two copies of one projection table: one written version by version, one run at a time. */
const TABLES = ['stepwise_body', 'batched_body'] as const;
const DATES = ['2025-01-01', '2025-03-01', '2025-05-01', '2025-07-01', '2025-07-02', '2025-09-01'];
const IDS = ['0b9c1f4e-1d2a-4c3b-8e5f-6a7b8c9d0e1f', '1c8d2e5f-2e3b-4d4c-9f6a-7b8c9d0e1f2a', '2d7e3f6a-3f4c-4e5d-8a7b-8c9d0e1f2a3b'];

type NamedVersion = ProjectedVersion & { name: string };

let dataSource: DataSource;

beforeAll(async () => {
  const url = infrastructure.databaseUrl('ps_projected_versions_test');
  await recreateTestDatabase(url);
  dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  for (const table of TABLES) {
    await dataSource.query(`CREATE TABLE ${table} (
      id uuid NOT NULL, valid_from date NOT NULL, valid_to date, name text NOT NULL,
      PRIMARY KEY (id, valid_from), CHECK (valid_to IS NULL OR valid_to >= valid_from))`);
  }
});

afterAll(() => dataSource?.destroy());

/** Deterministic draws, so a failing sequence can be run again. */
function drawer(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

/** Versions in no particular date order, with same-start corrections and closings among them. */
function versionSequence(draw: (below: number) => number, length: number): NamedVersion[] {
  return Array.from({ length }, (_, index) => {
    const from = draw(DATES.length - 1);
    const to = draw(3) === 0 ? DATES[from + 1 + draw(DATES.length - from - 1)] : null;
    return { id: IDS[draw(IDS.length)], validFrom: DATES[from], validTo: to, name: `v${index}` };
  });
}

const rows = (table: string) => dataSource.query(`SELECT id, valid_from::text, valid_to::text, name FROM ${table} ORDER BY id, valid_from`);
const nameOf = (version: NamedVersion) => ({ name: version.name });

describe('storeProjectedVersions', () => {
  it('leaves what storing each version in turn leaves, over generated runs', async () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const draw = drawer(seed);
      const earlier = versionSequence(draw, draw(5));
      const run = versionSequence(draw, 1 + draw(12));
      await dataSource.transaction(async (manager) => {
        for (const table of TABLES) await manager.query(`DELETE FROM ${table}`);
        for (const version of earlier) {
          for (const table of TABLES) await storeProjectedVersion(manager, table, version, nameOf(version));
        }
        for (const version of run) await storeProjectedVersion(manager, 'stepwise_body', version, nameOf(version));
        await storeProjectedVersions(manager, 'batched_body', run, nameOf);
      });
      const [stepwise, batched] = [await rows('stepwise_body'), await rows('batched_body')];
      expect({ seed, rows: batched }).toEqual({ seed, rows: stepwise });
    }
  }, 300_000);

  it('ends earlier versions as each later one is announced, however the starts are ordered', async () => {
    const id = IDS[0];
    await dataSource.query('TRUNCATE batched_body');
    await dataSource.transaction((manager) =>
      storeProjectedVersions(
        manager,
        'batched_body',
        [
          { id, validFrom: '2025-05-01', validTo: null, name: 'Sở Nội vụ' },
          { id, validFrom: '2025-01-01', validTo: null, name: 'Phòng Nội vụ' },
          { id, validFrom: '2025-05-01', validTo: '2025-07-01', name: 'Sở Nội vụ (đính chính)' },
        ],
        nameOf,
      ),
    );
    expect(await rows('batched_body')).toEqual([
      { id, valid_from: '2025-01-01', valid_to: '2025-05-01', name: 'Phòng Nội vụ' },
      { id, valid_from: '2025-05-01', valid_to: '2025-07-01', name: 'Sở Nội vụ (đính chính)' },
    ]);
  });

  it('stamps the rows a run replaces or ends with the stamp column it names, and only those', async () => {
    const [replaced, ended, untouched] = IDS;
    await dataSource.query(`CREATE TABLE IF NOT EXISTS stamped_body (
      id uuid NOT NULL, valid_from date NOT NULL, valid_to date, name text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, valid_from))`);
    await dataSource.query(`TRUNCATE stamped_body`);
    await dataSource.query(
      `INSERT INTO stamped_body (id, valid_from, valid_to, name, updated_at)
       SELECT id, '2025-01-01', NULL, 'trước', '2020-01-01T00:00:00Z' FROM unnest($1::uuid[]) AS id`,
      [[replaced, ended, untouched]],
    );
    await dataSource.transaction((manager) =>
      storeProjectedVersions(
        manager,
        'stamped_body',
        [
          { id: replaced, validFrom: '2025-01-01', validTo: null, name: 'đính chính' },
          { id: ended, validFrom: '2025-07-01', validTo: null, name: 'sau sáp nhập' },
        ],
        nameOf,
        { stampColumn: 'updated_at' },
      ),
    );
    const stamped: Array<{ id: string; valid_from: string; name: string; recent: boolean }> = await dataSource.query(
      `SELECT id, valid_from::text, name, updated_at > now() - interval '1 hour' AS recent FROM stamped_body ORDER BY id, valid_from`,
    );
    expect(stamped).toEqual([
      { id: replaced, valid_from: '2025-01-01', name: 'đính chính', recent: true },
      { id: ended, valid_from: '2025-01-01', name: 'trước', recent: true },
      { id: ended, valid_from: '2025-07-01', name: 'sau sáp nhập', recent: true },
      { id: untouched, valid_from: '2025-01-01', name: 'trước', recent: false },
    ]);
  });

  it('runs two statements for a run of any length', async () => {
    for (const length of [1, 40, 400]) {
      const statements = await dataSource.transaction(async (manager) => {
        let count = 0;
        const counting = Object.create(manager, {
          query: { value: (sql: string, parameters?: unknown[]) => ((count += 1), manager.query(sql, parameters)) },
        }) as EntityManager;
        await storeProjectedVersions(counting, 'batched_body', versionSequence(drawer(length), length), nameOf);
        return count;
      });
      expect({ length, statements }).toEqual({ length, statements: 2 });
    }
  });
});
