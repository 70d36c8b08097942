import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { recreateTestDatabase, serviceTestEnv } from '@ps/testing';
import type { DataSource } from 'typeorm';
import { personnelService } from '../src/service';

// PostgreSQL only: the rules the person table keeps by itself, whatever a service checked before.
const { DATABASE_URL } = serviceTestEnv('personnel', 'ps_personnel_person_rules_test');
let dataSource: DataSource;

beforeAll(async () => {
  await recreateTestDatabase(DATABASE_URL);
  dataSource = createDataSource({ url: DATABASE_URL, entities: personnelService.entities, migrations: personnelService.migrations, applicationName: 'person-rules-test' });
  await openDatabase(dataSource, createLogger('person-rules-test', 'silent'), { migrate: true });
});

afterAll(() => dataSource?.destroy());

const PERSON = '6c88a7cf-6080-82fc-9000-00000000150d';
const OTHER = '6c88a7cf-6080-82fc-9000-00000000150e';
const version = (id: string, validFrom: string, validTo: string | null, personalId: string) =>
  dataSource.query(
    `INSERT INTO person (id, full_name, unit_code, personal_id, valid_from, valid_to, created_by)
     VALUES ($1, 'Lê Thị Hoa', '25801', $2, $3, $4, 'system:test')`,
    [id, personalId, validFrom, validTo],
  );

describe('one person per personal ID', () => {
  it('lets versions of one person keep their number, and refuses it to another person', async () => {
    await version(PERSON, '2020-01-01', '2024-01-01', '074188001234');
    await version(PERSON, '2024-01-01', null, '074188001234');

    await expect(version(OTHER, '2019-01-01', '2020-01-01', '074188001234')).rejects.toMatchObject({
      code: '23P01',
      constraint: 'person_one_per_personal_id',
    });
    await version(OTHER, '2019-01-01', null, '074188005678');
    const held = await dataSource.query('SELECT id, personal_id AS "personalId" FROM person ORDER BY personal_id, valid_from');
    expect(held).toEqual([
      { id: PERSON, personalId: '074188001234' },
      { id: PERSON, personalId: '074188001234' },
      { id: OTHER, personalId: '074188005678' },
    ]);
  });
});
