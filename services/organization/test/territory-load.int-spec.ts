import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { recreateTestDatabase, serviceTestEnv } from '@ps/testing';
import type { DataSource } from 'typeorm';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';
import { faultSummary } from '../src/territory-load/territory-load.faults';
import type { TerritoryLoadReport } from '../src/territory-load/territory-load.report';
import { loadTerritory, readTerritoryData } from '../src/territory-load/territory-load.service';

const { DATABASE_URL } = serviceTestEnv('organization', 'ps_organization_territory_load_test');
const logger = createLogger('territory-load-test', 'silent');
let dataSource: DataSource;

/** A fresh, migrated database of its own for each scenario. */
async function freshDatabase(): Promise<void> {
  if (dataSource?.isInitialized) await dataSource.destroy();
  await recreateTestDatabase(DATABASE_URL);
  dataSource = createDataSource({
    url: DATABASE_URL,
    entities: organizationService.entities,
    migrations: organizationService.migrations,
    applicationName: 'territory-load-test',
  });
  await openDatabase(dataSource, logger, { migrate: true });
}

afterAll(() => dataSource?.destroy());

const count = async (sql: string, parameters: unknown[] = []): Promise<number> =>
  Number((await dataSource.query(sql, parameters))[0].n);
const tally = (table: string) => count(`SELECT count(*) AS n FROM ${table}`);

async function tiersOn(date: string): Promise<Record<string, number>> {
  const rows: Array<{ tier: string; n: string }> = await dataSource.query(
    `SELECT tier, count(*) AS n FROM administrative_unit
      WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) GROUP BY tier`,
    [date],
  );
  return Object.fromEntries(rows.map((row) => [row.tier, Number(row.n)]));
}

const faultCounts = (report: TerritoryLoadReport) =>
  Object.fromEntries(faultSummary(report.faults).map((group) => [group.reason, group.count]));

describe('loading both national trees into an empty database', () => {
  let report: TerritoryLoadReport;

  beforeAll(async () => {
    await freshDatabase();
    // The 2024 list is taken to hold from 2024-01-01 here, so that 2024-06-30 falls inside it.
    report = await loadTerritory(dataSource, { threeTierFrom: '2024-01-01', only: null }, logger);
  });

  it('has the 2024 three-tier tree on 2024-06-30: 63 / 696 / 10,035 (its list has no faulty rows)', async () => {
    expect(await tiersOn('2024-06-30')).toEqual({ PROVINCE: 63, DISTRICT: 696, COMMUNE: 10035 });
  });

  it('has the 2026 two-tier tree on 2025-07-01: 34 / 3,321, no district', async () => {
    expect(await tiersOn('2025-07-01')).toEqual({ PROVINCE: 34, COMMUNE: 3321 });
  });

  it('reports the data faults it found, by reason, and the README categories as counted', () => {
    expect(faultCounts(report)).toEqual({
      TREE_DISTRICT_WITHOUT_COMMUNES: 5,
      MAPPING_OLD_CODE_MISSING: 943,
      MAPPING_NEW_CODE_UNKNOWN: 4,
      COMMUNE_WITHOUT_PREDECESSOR: 7,
      CLOSED_WITHOUT_SUCCESSOR: 4,
    });
    expect(report.knownFaults).toEqual({
      mappingRows: 10977,
      rowsWithoutOldCode: 943,
      duplicatePairRows: 575,
      oldCommunesSplit: 0,
      newCodesNotInTwoTier: 170,
      rowsWithNewCodeNotInTwoTier: 435,
      newCommunesWithoutMappingRow: ['06978', '23938'],
      oldCommunesWithoutMappingRow: ['23938'],
      districtsWithoutCommunes: ['318', '471', '498', '536', '755'],
    });
    const mappingFaults = report.faults.filter((f) => f.source === 'ward-mapping-2025.json');
    expect(readTerritoryData().communePairs.length + mappingFaults.length).toBe(10977); // every row placed or reported
    const stale = report.faults.filter((f) => f.reason === 'MAPPING_NEW_CODE_UNKNOWN');
    expect(stale.map((f) => f.code)).toEqual(['06970', '06973', '06982', '06988']);
    expect(stale[0].detail).toMatchObject({ new_ward_code: '06970', lookAlikes: ['06978'] });
  });

  it('records Xã Thanh An (25807) as the merge of An Lập, Định Hiệp and itself on 2025-07-01', async () => {
    const rows: Array<{ predecessor_code: string; kind: string }> = await dataSource.query(
      `SELECT predecessor_code, kind FROM unit_lineage
        WHERE successor_code = '25807' AND effective_date <= '2025-07-01' ORDER BY predecessor_code`,
    );
    expect(rows).toEqual([
      { predecessor_code: '25798', kind: 'MERGE' },
      { predecessor_code: '25801', kind: 'MERGE' },
      { predecessor_code: '25807', kind: 'MERGE' },
    ]);
    expect(await count("SELECT count(*) AS n FROM unit_lineage WHERE successor_code = '79' AND kind = 'MERGE'")).toBe(3);
    expect(await count("SELECT count(*) AS n FROM unit_lineage WHERE predecessor_code = successor_code AND successor_code = '01'")).toBe(0);
  });

  it('announces every inserted version once, and each code’s events in time order', async () => {
    expect(await count("SELECT count(*) AS n FROM outbox WHERE event_type = 'UnitCreated'")).toBe(
      await count("SELECT count(*) AS n FROM administrative_unit WHERE created_by = 'system:territory-load'"),
    );
    const thanhAn: Array<{ event_type: string }> = await dataSource.query(
      "SELECT event_type FROM outbox WHERE message_key = '25807' ORDER BY position",
    );
    expect(thanhAn.map((row) => row.event_type)).toEqual(['UnitCreated', 'UnitsMerged', 'UnitCreated']);
    const [merged] = await dataSource.query(
      "SELECT envelope FROM outbox WHERE message_key = '25807' AND event_type = 'UnitsMerged'",
    );
    expect(merged.envelope).toMatchObject({
      actor: 'system:territory-load',
      payload: { predecessors: ['25798', '25801', '25807'], successor: { path: '79.25807', validFrom: '2025-07-01' } },
    });
    expect(await count("SELECT count(*) AS n FROM outbox WHERE event_type = 'UnitDissolved' AND message_key = '720'")).toBe(1);
    expect(report.trees.map((tree) => tree.events)).toEqual([
      { UnitCreated: 10794 },
      { UnitDissolved: 700, UnitSplit: 0, UnitsMerged: 3188, UnitCreated: 3331 },
    ]);
  });

  it('inserts nothing and announces nothing when run again', async () => {
    const before = await Promise.all(['administrative_unit', 'unit_lineage', 'outbox'].map(tally));
    const again = await loadTerritory(dataSource, { threeTierFrom: '2024-01-01', only: null }, logger);
    expect(await Promise.all(['administrative_unit', 'unit_lineage', 'outbox'].map(tally))).toEqual(before);
    expect(again.trees.map((tree) => tree.rowsWritten)).toEqual([0, 0]);
    expect(await count('SELECT count(*) AS n FROM administrative_unit WHERE valid_to IS NULL')).toBe(34 + 3321);
  });
});

describe('refusing what it cannot do', () => {
  it('refuses a snapshot that starts on or after the reorganization, before touching the database', async () => {
    await expect(loadTerritory(dataSource, { threeTierFrom: '2025-07-01', only: null }, logger)).rejects.toMatchObject({
      extensions: { code: 'TERRITORY_LOAD_INVALID_OPTION' },
    });
  });
});

describe('loading after the demo seed', () => {
  let report: TerritoryLoadReport;

  beforeAll(async () => {
    await freshDatabase();
    await seedDemoTerritory(dataSource);
    await dataSource.query(
      `INSERT INTO organization (id, unit_code, kind, name, search_name, valid_from, created_by)
       VALUES (gen_random_uuid(), '720', 'PARTY_COMMITTEE', 'Huyện ủy Dầu Tiếng', 'huyen uy dau tieng', '1999-01-01', 'test'),
              (gen_random_uuid(), '25807', 'PEOPLES_COMMITTEE', 'UBND xã Thanh An', 'ubnd xa thanh an', '1999-01-01', 'test')`,
    );
    await dataSource.query(
      `INSERT INTO administrative_unit (code, name, search_name, tier, parent_code, path, valid_from, created_by)
       VALUES ('25801_1', 'Ấp 1', 'ap 1', 'HAMLET', '25801', '74.720.25801.25801_1', '2000-01-01', 'test')`,
    );
    report = await loadTerritory(dataSource, { threeTierFrom: '2025-01-01', only: null }, logger);
  });

  it('keeps the seeded 1997/1999 versions and ends them on 2025-07-01', async () => {
    const rows: Array<{ code: string; valid_from: string; valid_to: string }> = await dataSource.query(
      `SELECT code, valid_from::text, valid_to::text FROM administrative_unit
        WHERE code IN ('74', '720', '25801', '25807') ORDER BY code, valid_from`,
    );
    expect(rows).toEqual([
      { code: '25801', valid_from: '1999-01-01', valid_to: '2025-07-01' },
      { code: '25807', valid_from: '1999-01-01', valid_to: '2025-07-01' },
      { code: '25807', valid_from: '2025-07-01', valid_to: null },
      { code: '720', valid_from: '1999-01-01', valid_to: '2025-07-01' },
      { code: '74', valid_from: '1997-01-01', valid_to: '2025-07-01' },
    ]);
    expect(report.trees[0].alreadyPresent).toEqual({ PROVINCE: 1, DISTRICT: 1, COMMUNE: 12, HAMLET: 0 });
    expect(await tiersOn('2025-03-01')).toEqual({ PROVINCE: 63, DISTRICT: 696, COMMUNE: 10035, HAMLET: 1 });
    expect(await tiersOn('2000-06-30')).toEqual({ PROVINCE: 1, DISTRICT: 1, COMMUNE: 12, HAMLET: 1 });
  });

  it('ends what a ceased unit held, keeps what a continuing commune holds', async () => {
    const rows: Array<{ unit_code: string; valid_to: string | null }> = await dataSource.query(
      'SELECT unit_code, valid_to::text FROM organization ORDER BY unit_code',
    );
    expect(rows).toEqual([
      { unit_code: '25807', valid_to: null },
      { unit_code: '720', valid_to: '2025-07-01' },
    ]);
  });

  it('reports, and leaves open, a hamlet under a commune that ended', async () => {
    expect(report.faults.filter((f) => f.reason === 'HAMLET_UNDER_CLOSED_UNIT')).toEqual([
      expect.objectContaining({ code: '25801_1', source: 'database' }),
    ]);
    expect(await count("SELECT count(*) AS n FROM administrative_unit WHERE code = '25801_1' AND valid_to IS NULL")).toBe(1);
  });
});
