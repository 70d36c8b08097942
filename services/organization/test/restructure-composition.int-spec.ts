import { inForceOn } from '@ps/effective-dating';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, errorCodes, graphqlRequest, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDauTiengStory } from '../src/seed/dau-tieng-story';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_composition_test'));
let service: RunningService;

const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, { token: await tokenFor(username), variables });
const rows = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => service.dataSource.query(sql, parameters);

const decided = (effectiveDate: string, number: string, issuer = 'NA_STANDING_COMMITTEE') => ({
  effectiveDate,
  reason: 'Sắp xếp đơn vị hành chính',
  decision: { number, date: '2025-06-16', signer: 'Chủ tịch Quốc hội', issuer },
});
const hamletDecision = (effectiveDate: string) => decided(effectiveDate, '15/NQ-HĐND', 'PROVINCE_PEOPLES_COUNCIL');

const CREATE = 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { code path validFrom } }';
const MOVE = 'mutation ($input: UnitChangeInput!) { moveUnit(input: $input) { started { code path } } }';
const RENAME = 'mutation ($input: UnitChangeInput!) { renameUnit(input: $input) { started { code name } } }';
const MERGE = 'mutation ($input: MergeUnitsInput!) { mergeUnits(input: $input) { started { code path } } }';
const DISSOLVE = 'mutation ($input: UnitChangeInput!) { dissolveUnit(input: $input) { ended { code } started { code path } } }';
const ADJUST = 'mutation ($input: AdjustBoundaryInput!) { adjustBoundary(input: $input) { started { code path } } }';

/** Versions of one code, oldest first. */
const versions = (code: string) =>
  rows<{ name: string; path: string; valid_from: string; valid_to: string | null }>(
    'SELECT name, path::text, valid_from::text, valid_to::text FROM administrative_unit WHERE code = $1 ORDER BY valid_from',
    [code],
  );
/** Units in force on a date whose parent is not in force that day: what a restructuring must never leave behind. */
const orphansOn = (date: string) =>
  rows<{ code: string }>(
    `SELECT child.code FROM administrative_unit child
      WHERE ${inForceOn('child', '$1')} AND child.parent_code IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM administrative_unit parent WHERE parent.code = child.parent_code AND ${inForceOn('parent', '$1')})`,
    [date],
  );

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  await seedDauTiengStory(service.dataSource);
});

afterAll(() => service?.stop());

describe('several changes to one unit on one date compose into one version, each with lineage', () => {
  it('moves and renames a commune the same day', async () => {
    const district = await ask(DEMO_USERS.nationalRecorder, CREATE, {
      input: { code: '721', name: 'Huyện Bàu Bàng', tier: 'DISTRICT', parentCode: '74', change: decided('2014-01-01', '133/NQ-CP', 'NA_STANDING_COMMITTEE') },
    });
    expect(district.errors).toBeUndefined();
    expect((await ask(DEMO_USERS.provinceAdmin, MOVE, { input: { code: '25810', parentCode: '721', change: decided('2016-01-01', '2/NQ-UBTVQH') } })).errors).toBeUndefined();
    expect((await ask(DEMO_USERS.provinceAdmin, RENAME, { input: { code: '25810', name: 'Xã Thanh Tuyền Mới', change: decided('2016-01-01', '3/NQ-UBTVQH') } })).errors).toBeUndefined();
    expect(await versions('25810')).toEqual([
      { name: 'Xã Thanh Tuyền', path: '74.720.25810', valid_from: '1999-01-01', valid_to: '2016-01-01' },
      { name: 'Xã Thanh Tuyền Mới', path: '74.721.25810', valid_from: '2016-01-01', valid_to: null },
    ]);
    const links = await rows<{ kind: string }>("SELECT kind FROM unit_lineage WHERE successor_code = '25810' ORDER BY kind");
    expect(links.map((link) => link.kind)).toEqual(['MOVE', 'RENAME']);
  });
});

describe('a merger carries everything under and in the ceasing units, whatever its start date', () => {
  beforeAll(async () => {
    // Recorded before the merger was: a hamlet of Định Hiệp from 2025-08-01, a service centre of An Lập from 2025-09-01.
    const hamlet = await ask(DEMO_USERS.provinceAdmin, CREATE, {
      input: { code: '25798_01', name: 'Ấp Định Thọ', tier: 'HAMLET', parentCode: '25798', change: hamletDecision('2025-08-01') },
    });
    expect(hamlet.errors).toBeUndefined();
    const centre = await ask(DEMO_USERS.anLapAdmin, 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { unitCode: '25801', kind: 'PUBLIC_SERVICE_UNIT', name: 'Trạm Y tế xã An Lập', change: { ...decided('2025-09-01', '20/QĐ-UBND'), decision: { number: '20/QĐ-UBND', date: '2025-06-01', signer: 'Chủ tịch UBND xã' } } },
    });
    expect(centre.errors).toBeUndefined();
    const merged = await ask(DEMO_USERS.provinceAdmin, MERGE, {
      input: { predecessorCodes: ['25801', '25798', '25807'], successorCode: '25807', successorName: 'Xã Thanh An', change: decided('2025-07-01', '1685/NQ-UBTVQH15') },
    });
    expect(merged.errors).toBeUndefined();
  });

  it('re-points the later hamlet to the successor, leaving nothing under a ceased unit', async () => {
    expect(await versions('25798_01')).toEqual([{ name: 'Ấp Định Thọ', path: '74.720.25807.25798_01', valid_from: '2025-08-01', valid_to: null }]);
    for (const date of ['2025-07-01', '2025-08-01', '2026-01-01']) expect(await orphansOn(date)).toEqual([]);
  });

  it('carries the later organization to the successor', async () => {
    const [centre] = await rows<{ unit_code: string; valid_from: string }>("SELECT unit_code, valid_from::text FROM organization WHERE name = 'Trạm Y tế xã An Lập'");
    expect(centre).toEqual({ unit_code: '25807', valid_from: '2025-09-01' });
  });
});

describe('dissolving a district with a successor (the district tier abolished)', () => {
  beforeAll(async () => {
    const dissolved = await ask<{ dissolveUnit: { started: Array<{ code: string; path: string }> } }>(DEMO_USERS.nationalRecorder, DISSOLVE, {
      input: { code: '720', successorCode: '74', change: decided('2025-10-01', '203/2025/QH15', 'NATIONAL_ASSEMBLY') },
    });
    expect(dissolved.errors).toBeUndefined();
    expect(dissolved.data?.dissolveUnit.started.map((unit) => unit.path)).toContain('74.25807');
  });

  it('puts its communes under the province and their Party organizations under the province’s, not the closed district’s', async () => {
    const parents = await rows<{ name: string; parent: string | null }>(
      `SELECT org.name, parent.name AS parent FROM organization org
         LEFT JOIN organization parent ON parent.id = org.parent_id AND ${inForceOn('parent', '$1')}
        WHERE org.name IN ('Đảng bộ xã Định An', 'Chi bộ cơ sở Bệnh viện huyện') AND ${inForceOn('org', '$1')} ORDER BY org.name`,
      ['2025-10-01'],
    );
    expect(parents).toEqual([
      { name: 'Chi bộ cơ sở Bệnh viện huyện', parent: 'Đảng bộ tỉnh Bình Dương' },
      { name: 'Đảng bộ xã Định An', parent: 'Đảng bộ tỉnh Bình Dương' },
    ]);
    expect(await orphansOn('2025-10-01')).toEqual([]);
    const link = await rows<{ successor_code: string; kind: string }>("SELECT successor_code, kind FROM unit_lineage WHERE predecessor_code = '720'");
    expect(link).toEqual([{ successor_code: '74', kind: 'DISSOLVE' }]);
  });

  it('answers the district as not in force since, replaced by the province', async () => {
    const gone = await ask(DEMO_USERS.provinceAdmin, '{ unit(code: "720") { code } }');
    expect(errorCodes(gone)).toEqual(['NOT_IN_FORCE']);
    expect(gone.errors?.[0].message).toContain('Huyện Dầu Tiếng (720) không có hiệu lực');
    expect(gone.errors?.[0].message).toContain('đã hết hiệu lực từ 2025-10-01; thay thế bởi Tỉnh Bình Dương (74)');
    const history = await ask<{ compareStatistics: { changes: Array<{ measure: string; organizationKind: string | null; from: number; to: number }> } }>(
      DEMO_USERS.districtAdmin,
      '{ compareStatistics(code: "720", from: "1999-12-31", to: "2013-09-16") { changes { measure organizationKind from to } } }',
    );
    expect(history.data?.compareStatistics.changes).toContainEqual({ measure: 'ORGANIZATIONS', organizationKind: 'PARTY_GRASSROOTS', from: 22, to: 51 });
  });
});

describe('a boundary adjustment', () => {
  it('moves part of one commune, with its hamlet, to another; both carry on, with lineage', async () => {
    const hamlet = await ask(DEMO_USERS.provinceAdmin, CREATE, {
      input: { code: '25789_01', name: 'Ấp Hòa Cường', tier: 'HAMLET', parentCode: '25789', change: hamletDecision('2025-11-01') },
    });
    expect(hamlet.errors).toBeUndefined();
    const adjusted = await ask(DEMO_USERS.provinceAdmin, ADJUST, {
      input: { fromCode: '25789', toCode: '25807', area: 'Ấp Hòa Cường', unitCodes: ['25789_01'], change: decided('2025-12-01', '1700/NQ-UBTVQH15') },
    });
    expect(adjusted.errors).toBeUndefined();
    expect((await versions('25789_01')).map((version) => version.path)).toEqual(['74.25789.25789_01', '74.25807.25789_01']);
    expect(await rows("SELECT kind FROM unit_lineage WHERE predecessor_code = '25789' AND successor_code = '25807'")).toEqual([{ kind: 'ADJUST' }]);
    expect((await versions('25789')).at(-1)?.valid_to).toBeNull();
    const refused = await ask(DEMO_USERS.provinceAdmin, ADJUST, {
      input: { fromCode: '25789', toCode: '25807', area: 'x', unitCodes: ['25801'], change: decided('2025-12-02', '1701/NQ-UBTVQH15') },
    });
    expect(errorCodes(refused)).toEqual(['NOT_IN_FORCE']);
  });
});
