import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoTerritoryAnnouncements, OrganizationCreated, type OrganizationVersion, UnitCreated } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { changeOn, DEMO_USERS, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv, WRITE_TRAIL_TABLES } from '@ps/testing';
import { personnelService } from '../src/service';
import { importFile as importFileAs, type ImportMutation } from './import.fixtures';
import { CADRES, fictionalPeople, HOME_AFFAIRS_CATEGORIES, peopleCsv, peopleXlsx, type PeopleFileRow } from './people.fixtures';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('personnel'));
let service: RunningService;

const count = async (sql: string): Promise<number> => (await service.dataSource.query(sql))[0].n;
const written = () => rowCounts((sql) => service.dataSource.query(sql), ['person', 'party_membership', ...WRITE_TRAIL_TABLES]);

/** A commune of another district: outside the territory of Dầu Tiếng's officers. */
const OUTSIDE = { code: '25600', name: 'Xã Ngoài Địa Bàn', tier: 'COMMUNE', parentCode: '718', path: '74.718.25600', validFrom: '1999-01-01', validTo: null, decision: null } as const;
const ORGANIZATION: OrganizationVersion = {
  id: randomUUID(), unitCode: '25801', parentId: null, kind: 'PARTY_GRASSROOTS', subtype: null, base: 'UNIT', name: 'Đảng bộ xã An Lập', validFrom: '1999-01-01', validTo: null,
};

/** By default by the district's home-affairs office, which manages the file's civil servants, public employees and workers. */
const importFile = (mutation: ImportMutation, format: 'CSV' | 'XLSX', content: Buffer, username: string = DEMO_USERS.districtHomeAffairs) =>
  importFileAs(service.url, mutation, content, { format, username });

const people = fictionalPeople(1000, { province: '074', units: ['25801', '25789'], categories: HOME_AFFAIRS_CATEGORIES });
/** Rows 11, 501 and 801 of the file (data index + 2): a personal ID whose fourth digit is wrong, a unit outside, row 101's personal ID again. */
const spoiled: PeopleFileRow[] = people.map((row, index) => {
  if (index === 9) return { ...row, 'Số CCCD': `${row['Số CCCD'].slice(0, 3)}${(Number(row['Số CCCD'][3]) + 1) % 10}${row['Số CCCD'].slice(4)}` };
  if (index === 499) return { ...row, 'Mã đơn vị': OUTSIDE.code };
  if (index === 799) return { ...people[99], 'Họ và tên': row['Họ và tên'] };
  return row;
});
const THE_THREE = [
  { row: 11, field: 'Số CCCD', code: 'GENDER_CENTURY_CODE' },
  { row: 501, field: 'Mã đơn vị', code: 'OUTSIDE_TERRITORY' },
  { row: 801, field: 'Số CCCD', code: 'DUPLICATE_IN_FILE' },
];

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(personnelService, env);
  const outside = [
    { ...OUTSIDE, code: '718', name: 'Huyện Khác', tier: 'DISTRICT' as const, parentCode: '74', path: '74.718' },
    OUTSIDE,
  ].map((unit) => eventMessage(UnitCreated, unit, { aggregateId: unit.code, actor: 'system:test' }));
  await publishAndAwait([...demoTerritoryAnnouncements(), ...outside], (messages) => service.bus.publish(messages),
    () => count('SELECT count(DISTINCT code)::int AS n FROM territory_unit'), 'territory projected');
  const created = eventMessage(OrganizationCreated, { organization: ORGANIZATION, effectiveDate: '1999-01-01', reason: 'Thành lập', decision: { number: '1/QĐ-TU', date: '1999-01-01', signer: 'Bí thư' } },
    { aggregateId: ORGANIZATION.id, actor: 'system:test' });
  await publishAndAwait([created], (messages) => service.bus.publish(messages), () => count('SELECT count(*)::int AS n FROM organization'), 'Party organization projected');
});

afterAll(() => service?.stop());

describe('importPeople', () => {
  it.each(['CSV', 'XLSX'] as const)('answers a %s file of 1,000 rows with 3 bad ones by exactly those 3, and writes nothing', async (format) => {
    const before = await written();
    const content = format === 'CSV' ? peopleCsv(spoiled) : await peopleXlsx(spoiled);
    const response = await importFile('importPeople', format, content);
    expect(response.errors).toBeUndefined();
    const answer = response.data?.importPeople;
    expect(answer).toMatchObject({ imported: 0, rejected: 3 });
    expect(answer?.rejects.map(({ row, field, code }) => ({ row, field, code }))).toEqual(THE_THREE);
    expect(answer?.rejects[2].message).toBe('Số CCCD trùng với dòng 101 của tệp / Số CCCD repeats row 101 of the file');
    expect(answer?.rejects[1].message).toMatch(/^Xã Ngoài Địa Bàn \(25600\) nằm ngoài địa bàn bạn quản lý \/ /);
    expect(await written()).toEqual(before);
  });

  it('writes the fixed file, 1,000 people, in one dated write: one decision, one audit row with the counts, an event per person', async () => {
    const before = await written();
    const response = await importFile('importPeople', 'CSV', peopleCsv(people));
    expect(response.errors).toBeUndefined();
    expect(response.data?.importPeople).toEqual({ imported: 1000, rejected: 0, rejects: [] });
    expect(await written()).toEqual({ ...before, person: before.person + 1000, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 1000 });
    const [audit] = await service.dataSource.query("SELECT operation, after, decision->>'number' AS number FROM audit_log ORDER BY occurred_at DESC LIMIT 1");
    expect(audit).toEqual({ operation: 'importPeople', number: '77/QĐ-UBND', after: { imported: 1000, byUnit: { 25801: 500, 25789: 500 } } });
    const [first] = await service.dataSource.query("SELECT full_name, birth_date::text, gender, religion, category, unit_code, valid_from::text FROM person WHERE personal_id = $1", [people[0]['Số CCCD']]);
    expect(first).toEqual({ full_name: 'Nguyễn Văn Mẫu 000001', birth_date: '1960-01-01', gender: 'MALE', religion: 'Phật giáo', category: 'CIVIL_SERVANT', unit_code: '25801', valid_from: '2025-01-02' });
    expect(await count("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'PersonRegistered' AND envelope->>'unitPath' LIKE '74.720.%'")).toBe(1000);
  });

  it('answers the same file again with a reject per row for the taken personal IDs, and writes nothing', async () => {
    const before = await written();
    const answer = (await importFile('importPeople', 'XLSX', await peopleXlsx(people))).data?.importPeople;
    expect(answer).toMatchObject({ imported: 0, rejected: 1000 });
    expect(new Set(answer?.rejects.map(({ field, code }) => `${field} ${code}`))).toEqual(new Set(['Số CCCD PERSONAL_ID_TAKEN']));
    expect(await written()).toEqual(before);
  });

  it('refuses a viewer before reading the file, and a file without the columns', async () => {
    const viewer = await importFile('importPeople', 'CSV', peopleCsv(people), DEMO_USERS.districtViewer);
    expect(viewer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', details: { reason: 'CAPABILITY' } } });
    const headless = await importFile('importPeople', 'CSV', Buffer.from('Họ và tên\nA\n'));
    expect(headless.errors?.[0]).toMatchObject({ extensions: { code: 'IMPORT_COLUMNS_MISSING' } });
  });
});

describe('importPeople and management decentralisation', () => {
  /** Eight people of An Lập, the four categories in turn: rows 2 and 6 cadres, the others for the home-affairs office. */
  const mixed = fictionalPeople(8, { province: '074', units: ['25801'], firstSerial: 5001 });
  const importAs = (rows: readonly PeopleFileRow[], username: string, change = changeOn('2025-01-02', { number: '78/QĐ-UBND', reason: 'Nhập hồ sơ' })) =>
    importFileAs(service.url, 'importPeople', peopleCsv(rows), { username, change }).then((response) => {
      expect(response.errors).toBeUndefined();
      return response.data?.importPeople;
    });
  const refused = (answer: Awaited<ReturnType<typeof importAs>>) => answer?.rejects.map(({ row, field, code }) => `${row} ${field} ${code}`);
  const NOT_MANAGING = (rows: number[]) => rows.map((row) => `${row} Đối tượng NOT_MANAGING_BODY`);

  it.each([
    ['the district’s organization board', DEMO_USERS.districtOrganizationBoard, [3, 4, 5, 7, 8, 9], 'cơ quan Nội vụ – Huyện Dầu Tiếng'],
    ['the district’s home-affairs office', DEMO_USERS.districtHomeAffairs, [2, 6], 'Ban Tổ chức – Huyện Dầu Tiếng'],
    ['an officer in no body', DEMO_USERS.districtOfficer, [2, 3, 4, 5, 6, 7, 8, 9], 'Ban Tổ chức – Huyện Dầu Tiếng'],
  ])('answers %s, for a file of categories it does not all manage, by a reject on the category of each row it does not, and writes nothing', async (_case, username, rows, manager) => {
    const before = await written();
    const answer = await importAs(mixed, username);
    expect(answer).toMatchObject({ imported: 0, rejected: rows.length });
    expect(refused(answer)).toEqual(NOT_MANAGING(rows));
    expect(answer?.rejects[0].message).toMatch(new RegExp(`^Người này không thuộc diện bạn quản lý vào ngày 2025-01-02; theo phân cấp quản lý, ${manager} quản lý / `));
    expect(await written()).toEqual(before);
  });

  it('imports a file of only the categories the body manages', async () => {
    const before = await written();
    const cadres = mixed.filter((row) => (CADRES as readonly string[]).includes(row['Đối tượng']));
    expect(await importAs(cadres, DEMO_USERS.districtOrganizationBoard)).toEqual({ imported: 2, rejected: 0, rejects: [] });
    expect(await written()).toEqual({ ...before, person: before.person + 2, decision: before.decision + 1, audit_log: before.audit_log + 1, outbox: before.outbox + 2 });
  });

  it('answers by the date of the change: from 1 July 2025 the province’s home-affairs office manages commune civil servants, and the district’s no longer does', async () => {
    const servants = fictionalPeople(3, { province: '074', units: ['25801'], firstSerial: 5101, categories: HOME_AFFAIRS_CATEGORIES });
    const change = changeOn('2025-07-01', { number: '5/QĐ-UBND', decidedOn: '2025-06-25', reason: 'Nhập hồ sơ' });
    const before = await written();
    const byDistrict = await importAs(servants, DEMO_USERS.districtHomeAffairs, change);
    expect(refused(byDistrict)).toEqual(NOT_MANAGING([2, 3, 4]));
    expect(byDistrict?.rejects[0].message).toMatch(/theo phân cấp quản lý, cơ quan Nội vụ – Tỉnh Bình Dương quản lý \/ /);
    expect(await written()).toEqual(before);
    expect(await importAs(servants, DEMO_USERS.provinceHomeAffairs, change)).toEqual({ imported: 3, rejected: 0, rejects: [] });
  });
});

describe('importPartyMemberships', () => {
  const HEADER = 'Số CCCD,Mã tổ chức Đảng,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên';
  const member = (index: number, organization = ORGANIZATION.id) => `${people[index]['Số CCCD']},${organization},19/05/2000,19/05/2001,74.${String(index).padStart(6, '0')}`;

  it('refuses an unknown person, an unknown Party organization and a repeated card, then admits the fixed file', async () => {
    const before = await written();
    const bad = [HEADER, member(0), '074099999999,' + ORGANIZATION.id + ',19/05/2000,,', member(2, randomUUID()), `${people[3]['Số CCCD']},${ORGANIZATION.id},19/05/2000,,74.000000`].join('\n');
    // Party membership needs no managing body: Dầu Tiếng's officer, in none, imports it.
    const refused = (await importFile('importPartyMemberships', 'CSV', Buffer.from(bad), DEMO_USERS.districtOfficer)).data?.importPartyMemberships;
    expect(refused?.rejects.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 3, field: 'Số CCCD', code: 'PERSON_NOT_FOUND' },
      { row: 4, field: 'Mã tổ chức Đảng', code: 'PARTY_ORGANIZATION_NOT_FOUND' },
      { row: 5, field: 'Số thẻ đảng viên', code: 'DUPLICATE_IN_FILE' },
    ]);
    expect(await written()).toEqual(before);
    const fixed = [HEADER, member(0), member(1), member(2), member(3)].join('\n');
    expect((await importFile('importPartyMemberships', 'CSV', Buffer.from(fixed), DEMO_USERS.districtOfficer)).data?.importPartyMemberships).toEqual({ imported: 4, rejected: 0, rejects: [] });
    expect(await written()).toEqual({ ...before, party_membership: before.party_membership + 4, decision: before.decision, audit_log: before.audit_log + 1, outbox: before.outbox + 4 });
    const again = (await importFile('importPartyMemberships', 'CSV', Buffer.from(fixed), DEMO_USERS.districtOfficer)).data?.importPartyMemberships;
    expect(new Set(again?.rejects.map(({ code }) => code))).toEqual(new Set(['ALREADY_PARTY_MEMBER', 'CARD_NUMBER_TAKEN']));
  });
});

describe('the import command', () => {
  const ARGS = ['--effective-date', '2025-01-02', '--reason', 'Nhập dữ liệu mẫu', '--decision-number', 'MINH-HOA/NHAP', '--decision-date', '2025-01-02', '--signer', 'Dữ liệu minh họa', '--demo', '--unit', '720'];
  /** The operator acts for Dầu Tiếng's home-affairs office unless told otherwise. */
  const run = async (file: string, body: string[] = ['--body', 'HOME_AFFAIRS']) =>
    promisify(execFile)(process.execPath, [join(__dirname, '..', 'dist', 'import', 'import.cli.js'), file, ...ARGS, ...body], {
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL, LOG_LEVEL: 'warn' },
    }).then(({ stderr }) => ({ code: 0, stderr }), (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }));

  it('writes the rejects report beside a refused file and nothing else, then imports the fixed demo file with a progress bar', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'personnel-import-'));
    const demo = fictionalPeople(1200, { province: '000', units: ['25801', '25789'], categories: HOME_AFFAIRS_CATEGORIES });
    const bad = join(folder, 'bad.csv');
    await writeFile(bad, peopleCsv(demo.map((row, index) => (index === 41 ? { ...row, 'Số CCCD': `074${row['Số CCCD'].slice(3)}` } : row))));
    const before = await written();
    const refused = await run(bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('1 dòng bị từ chối, không ghi dòng nào / rows rejected: 1, nothing written');
    expect((await readFile(`${bad}.rejects.csv`, 'utf8')).split('\r\n')[1]).toBe('43,Số CCCD,PROVINCE_CODE,Số định danh cá nhân không hợp lệ: mã tỉnh 074 không thuộc 000–000 / Invalid personal ID: province code 074 is not within 000–000');
    expect(await written()).toEqual(before);

    const good = join(folder, 'good.xlsx');
    await writeFile(good, await peopleXlsx(demo));
    // An operator in no body manages nobody: every row refused on its category.
    const bodiless = await run(good, []);
    expect(bodiless.code).toBe(1);
    expect(bodiless.stderr).toContain('1200 dòng bị từ chối, không ghi dòng nào');
    expect((await readFile(`${good}.rejects.csv`, 'utf8')).split('\r\n')[1]).toMatch(/^2,Đối tượng,NOT_MANAGING_BODY,/);
    expect(await written()).toEqual(before);
    const imported = await run(good);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stderr).toContain(`Ghi / written        [${'#'.repeat(30)}] 1,200/1,200`);
    expect(await count("SELECT count(*)::int AS n FROM person WHERE personal_id LIKE '000%'")).toBe(1200);
  });
});
