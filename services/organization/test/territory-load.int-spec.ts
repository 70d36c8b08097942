import { inForceOn, isOpenVersion } from '@ps/effective-dating';
import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { recreateTestDatabase, serviceTestEnv } from '@ps/testing';
import type { DataSource } from 'typeorm';
import { seedDauTiengStory } from '../src/seed/dau-tieng-story';
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
    `SELECT tier, count(*) AS n FROM administrative_unit unit WHERE ${inForceOn('unit', '$1')} GROUP BY tier`,
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

  it('reports the data faults it found, by reason, and the README categories as counted', async () => {
    // Rows without an old code but naming the old commune are placed by exact name (boundary adjustments,
    // splits); what no name or code places is reported, never guessed.
    expect(faultCounts(report)).toEqual({
      TREE_DISTRICT_WITHOUT_COMMUNES: 5,
      MAPPING_OLD_NAME_NOT_FOUND: 913,
      MAPPING_OLD_COMMUNE_UNNAMED: 5,
      MAPPING_DUPLICATE_PAIR: 17,
      COMMUNE_WITHOUT_PREDECESSOR: 5,
      COMMUNE_CONTINUES_WITHOUT_MAPPING_ROW: 1,
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
    const data = readTerritoryData();
    const placedRows = new Set(data.plans.flatMap((plan) => plan.order.flatMap((step) => ('rows' in step ? step.rows : []))));
    const faultRows = new Set(report.faults.filter((f) => f.source === 'ward-mapping-2025.json' && typeof f.row === 'number').map((f) => f.row));
    expect(new Set([...placedRows, ...faultRows]).size).toBe(10977); // every row placed or reported
    expect(await count("SELECT count(*) AS n FROM unit_lineage WHERE kind = 'ADJUST'")).toBe(8);
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
      { UnitDissolved: 696, UnitSplit: 0, UnitsMerged: 3189, BoundaryAdjusted: 8, UnitMoved: 0, UnitCreated: 3331 },
    ]);
    const [dissolved] = await dataSource.query("SELECT envelope FROM outbox WHERE message_key = '720' AND event_type = 'UnitDissolved'");
    expect(dissolved.envelope.payload).toMatchObject({ code: '720', successor: '79', decision: { number: '203/2025/QH15' } });
  });

  it('inserts nothing and announces nothing when run again', async () => {
    const before = await Promise.all(['administrative_unit', 'unit_lineage', 'outbox'].map(tally));
    const again = await loadTerritory(dataSource, { threeTierFrom: '2024-01-01', only: null }, logger);
    expect(await Promise.all(['administrative_unit', 'unit_lineage', 'outbox'].map(tally))).toEqual(before);
    expect(again.trees.map((tree) => tree.rowsWritten)).toEqual([0, 0]);
    expect(await count(`SELECT count(*) AS n FROM administrative_unit unit WHERE ${isOpenVersion('unit')}`)).toBe(34 + 3321);
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
    await seedDauTiengStory(dataSource);
    await dataSource.query(
      `INSERT INTO administrative_unit (code, name, search_name, tier, parent_code, path, valid_from, created_by)
       VALUES ('25801_1', 'Ấp 1', 'ap 1', 'HAMLET', '25801', '74.720.25801.25801_1', '2000-01-01', 'test')`,
    );
    report = await loadTerritory(dataSource, { threeTierFrom: '2025-01-01', only: null }, logger);
  });

  it('keeps the seeded 1976/1997/1999 versions and ends them on 2025-07-01', async () => {
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
    expect(report.trees[0].alreadyPresent).toEqual({ PROVINCE: 2, DISTRICT: 1, COMMUNE: 12, HAMLET: 0 });
    expect(await tiersOn('2025-03-01')).toEqual({ PROVINCE: 63, DISTRICT: 696, COMMUNE: 10035, HAMLET: 1 });
    expect(await tiersOn('2000-06-30')).toEqual({ PROVINCE: 2, DISTRICT: 1, COMMUNE: 12, HAMLET: 1 });
  });

  it('passes on what ceased units held as the succession rules say, and places communes’ Party organizations under the city’s', async () => {
    const today = await storyToday();
    expect(today.find((org) => org.name === 'Đảng bộ huyện Dầu Tiếng')).toBeUndefined();
    expect(today.find((org) => org.name === 'Đảng bộ xã Thanh An')).toMatchObject({ unit_code: '25807', parent: 'Đảng bộ Thành phố Hồ Chí Minh' });
    expect(today.find((org) => org.name === 'Chi bộ cơ sở Trường Trung học cơ sở An Lập')).toMatchObject({ unit_code: '25807' });
    expect(today.find((org) => org.name === 'Chi bộ cơ sở Bệnh viện huyện')).toMatchObject({ unit_code: '79', parent: 'Đảng bộ Thành phố Hồ Chí Minh' });
  });

  it('moves a hamlet under a commune that ended to that commune’s successor', async () => {
    expect(report.faults.filter((f) => f.reason === 'HAMLET_UNDER_CLOSED_UNIT')).toEqual([]);
    const versions = await dataSource.query("SELECT path::text, valid_from::text, valid_to::text FROM administrative_unit WHERE code = '25801_1' ORDER BY valid_from");
    expect(versions).toEqual([
      { path: '74.720.25801.25801_1', valid_from: '2000-01-01', valid_to: '2025-07-01' },
      { path: '79.25807.25801_1', valid_from: '2025-07-01', valid_to: null },
    ]);
  });

  it('ends the same whichever ran first, the story or the national load', async () => {
    const storyFirst = await storyToday();
    await freshDatabase();
    await loadTerritory(dataSource, { threeTierFrom: '2025-01-01', only: null }, logger);
    await seedDemoTerritory(dataSource);
    await seedDauTiengStory(dataSource);
    const loadFirst = await storyToday();
    expect(loadFirst).toEqual(storyFirst);
    expect(await tiersOn('2000-06-30')).toEqual({ PROVINCE: 2, DISTRICT: 1, COMMUNE: 12 });
  });
});

/** The story's organizations in force today: name, unit, parent's name, in a stable order. */
function storyToday(): Promise<Array<{ name: string; unit_code: string; parent: string | null }>> {
  return dataSource.query(
    `SELECT org.name, org.unit_code, parent.name AS parent FROM organization org
       LEFT JOIN organization parent ON parent.id = org.parent_id AND ${inForceOn('parent', 'CURRENT_DATE')}
      WHERE ${inForceOn('org', 'CURRENT_DATE')} ORDER BY org.name, org.unit_code`,
  );
}
