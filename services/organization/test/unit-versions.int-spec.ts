import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { recreateTestDatabase, serviceTestEnv } from '@ps/testing';
import { In, type DataSource } from 'typeorm';
import { organizationService } from '../src/service';
import { AdministrativeUnit, Tier } from '../src/unit/unit.entity';
import { insertUnitVersions } from '../src/unit/unit.versions';

// PostgreSQL only: the bulk insert of unit versions and what it hands back.
const { DATABASE_URL } = serviceTestEnv('organization', 'ps_organization_unit_versions_test');
let dataSource: DataSource;

beforeAll(async () => {
  await recreateTestDatabase(DATABASE_URL);
  dataSource = createDataSource({ url: DATABASE_URL, entities: organizationService.entities, migrations: organizationService.migrations, applicationName: 'unit-versions-test' });
  await openDatabase(dataSource, createLogger('unit-versions-test', 'silent'), { migrate: true });
});

afterAll(() => dataSource?.destroy());

describe('insertUnitVersions', () => {
  it('returns the versions as stored, as TypeORM reads them, in the order given', async () => {
    const rows = [
      { code: '79', name: 'Thành phố Hồ Chí Minh', tier: Tier.PROVINCE, parentCode: null, path: '79', validFrom: '2024-01-01', validTo: null },
      { code: '74', name: 'Tỉnh Bình Dương', tier: Tier.PROVINCE, parentCode: null, path: '74', validFrom: '2024-01-01', validTo: '2025-07-01' },
      { code: '26734', name: 'Phường Bến Thành', tier: Tier.COMMUNE, parentCode: '79', path: '79.26734', validFrom: '2025-07-01', validTo: null },
    ];
    const audit = { reason: 'kiểm thử / test', decisionId: null, createdBy: 'system:test' };
    const returned = await dataSource.transaction((manager) => insertUnitVersions(manager, rows, audit));

    expect(returned.map((unit) => unit.code)).toEqual(['79', '74', '26734']);
    expect(returned.every((unit) => unit instanceof AdministrativeUnit)).toBe(true);
    const read = await dataSource.getRepository(AdministrativeUnit).findBy({ id: In(returned.map((unit) => unit.id)) });
    expect(returned).toEqual(rows.map((row) => read.find((unit) => unit.code === row.code)));
    expect(returned[1]).toMatchObject({ validFrom: '2024-01-01', validTo: '2025-07-01', path: '74', parentCode: null, searchName: 'tinh binh duong', ...audit });
    expect(returned[2].createdAt).toBeInstanceOf(Date);
  });
});

describe('versions of one unit', () => {
  const audit = { reason: 'kiểm thử / test', decisionId: null, createdBy: 'system:test' };
  const version = (validFrom: string, validTo: string | null) => ({
    code: '77', name: 'Tỉnh Bà Rịa - Vũng Tàu', tier: Tier.PROVINCE, parentCode: null, path: '77', validFrom, validTo,
  });
  const insert = (rows: ReturnType<typeof version>[]) => dataSource.transaction((manager) => insertUnitVersions(manager, rows, audit));

  it('may follow each other, but the database refuses two that overlap, whatever is written with them', async () => {
    await insert([version('2020-01-01', '2024-01-01'), version('2024-01-01', '2025-07-01')]);

    for (const overlapping of [version('2023-06-01', '2024-06-01'), version('2025-06-30', '2026-01-01'), version('2019-01-01', '2030-01-01')]) {
      await expect(insert([version('2030-01-01', '2031-01-01'), overlapping])).rejects.toMatchObject({
        driverError: { code: '23P01', constraint: 'administrative_unit_no_overlap' },
      });
    }
    // Another unit's version over the same days is no overlap; nothing of the refused writes stayed.
    await insert([{ ...version('2023-06-01', null), code: '75', path: '75', name: 'Tỉnh Đồng Nai' }]);
    const held = await dataSource.getRepository(AdministrativeUnit).find({ where: { code: In(['77', '75']) }, order: { code: 'ASC', validFrom: 'ASC' } });
    expect(held.map((unit) => [unit.code, unit.validFrom, unit.validTo])).toEqual([
      ['75', '2023-06-01', null],
      ['77', '2020-01-01', '2024-01-01'],
      ['77', '2024-01-01', '2025-07-01'],
    ]);
  });
});
