import { Readable } from 'node:stream';
import { demoTerritoryAnnouncements, ORGANIZATION_TOPIC } from '@ps/contracts';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, errorCodes, eventually, graphqlRequest, publishAndAwait, queryEntities, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { Workbook } from 'exceljs';
import { evaluationService } from '../src/service';
import { insertDecidedStep, insertEvaluations } from './evaluation.fixtures';
import { office, organizationClosed, organizationCreated, organizationRenamed } from './organization.fixtures';

const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;

const AN_LAP_OFFICE = '1a000000-0000-4000-8000-000000000001';
const DINH_AN_OFFICE = '1a000000-0000-4000-8000-000000000002';
const DISTRICT_OFFICE = '1a000000-0000-4000-8000-000000000003';
const TOT = '2b000000-0000-4000-8000-000000000001';
const BEFORE_APPEAL = '2026-01-31';
const AFTER_APPEAL = '2026-03-01';
let appealed = '';

const AN_LAP_NAME = 'Văn phòng HĐND và UBND xã An Lập';
const AN_LAP_RENAMED = 'Văn phòng Đảng ủy, HĐND và UBND xã An Lập';
const DINH_AN_NAME = 'Văn phòng HĐND và UBND xã Định An';
const DISTRICT_NAME = 'Văn phòng HĐND và UBND huyện Dầu Tiếng';
const anLapOffice = office(AN_LAP_OFFICE, '25801', AN_LAP_NAME);
const dinhAnOffice = office(DINH_AN_OFFICE, '25789', DINH_AN_NAME);
// An Lập's office is renamed after the year, between the two dates the report is read on; Định An's closes in January
const organizationEvents = [
  organizationCreated(office(DISTRICT_OFFICE, '720', DISTRICT_NAME)),
  organizationCreated(anLapOffice),
  organizationCreated(dinhAnOffice),
  organizationRenamed(anLapOffice, AN_LAP_RENAMED, '2026-02-01'),
  organizationClosed(dinhAnOffice, '2026-01-15'),
];
const organizationsApplied = async () =>
  (await service.dataSource.query("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'evaluation.organizations'"))[0].n as number;
const organizationVersions = () => service.dataSource.query('SELECT id, name, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM rated_organization ORDER BY id, valid_from');

const ask = async <Data = Record<string, unknown>>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<Data>(service.url, query, { token: await tokenFor(username), variables });
const RATINGS = 'excellent good completed notCompleted total excellentShare goodShare completedShare notCompletedShare';
const counts = (excellent: number, good: number, completed: number, notCompleted: number) => ({ excellent, good, completed, notCompleted, total: excellent + good + completed + notCompleted });
type Report = {
  unitName: string;
  units: Array<{ unitCode: string; ownAgencies: boolean; ratings: Record<string, number> }>;
  organizations: Array<{ organizationId: string; organizationName: string | null; unitCode: string; ratings: Record<string, number> }>;
  heads: Array<{ organizationId: string; organizationName: string | null; leaders: Array<{ fullName: string; level: string }>; staff: Record<string, number>; staffNotCompleted: boolean }>;
  total: Record<string, number>;
};
const report = (username: string, unitCode: string, asOf: string) =>
  ask<{ ratingReport: Report }>(username, `query ($unitCode: ID!, $asOf: LocalDate) { ratingReport(unitCode: $unitCode, year: 2025, asOf: $asOf) {
    unitName units { unitCode ownAgencies ratings { ${RATINGS} } } organizations { organizationId organizationName unitCode ratings { ${RATINGS} } }
    heads { organizationId organizationName leaders { fullName level } staff { ${RATINGS} } staffNotCompleted } total { ${RATINGS} } } }`, { unitCode, asOf });

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(evaluationService, env);
  await publishAndAwait(
    demoTerritoryAnnouncements(),
    (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n,
    'demo territory projected',
  );
  await publishAndAwait(organizationEvents, (messages) => service.bus.publish(messages), organizationsApplied, 'organizations projected');
  const anLap = { unitCode: '25801', organizationId: AN_LAP_OFFICE, year: 2025 };
  const dinhAn = { unitCode: '25789', organizationId: DINH_AN_OFFICE, year: 2025 };
  const ids = await insertEvaluations(service.dataSource, [
    { ...anLap, fullName: 'Nguyễn Văn Khuyết', level: 'KHTNV' },
    { ...anLap, fullName: 'Lê Văn Trưởng', level: 'HTT', leader: true },
    { ...anLap, fullName: 'Trần Thị Giỏi', level: 'HTXS' },
    { ...anLap, fullName: 'Phạm Văn Tốt', level: 'HTT', personId: TOT },
    { ...anLap, fullName: 'Võ Thị Tốt', level: 'HTT' },
    { ...anLap, fullName: 'Đỗ Văn Chờ', level: null },
    { ...anLap, fullName: 'Lê Văn Trưởng', level: 'HTT', leader: true, year: 2024 },
    { ...anLap, fullName: 'Phạm Văn Tốt', level: 'HTNV', year: 2024, personId: TOT },
    { ...dinhAn, fullName: 'Huỳnh Thị Xuất', level: 'HTXS', leader: true },
    { ...dinhAn, fullName: 'Ngô Văn Ổn', level: 'HTT' },
    { ...dinhAn, fullName: 'Bùi Thị Vừa', level: 'HTNV' },
    { unitCode: '720', organizationId: DISTRICT_OFFICE, year: 2025, fullName: 'Đặng Văn Huyện', level: 'HTT', leader: true },
  ]);
  appealed = ids[0] as string;
  // the appeal re-rates Nguyễn Văn Khuyết HTNV from 10 Feb 2026 (revision 2)
  await insertDecidedStep(service.dataSource, appealed, { step: 'APPEAL_RESOLVED', level: 'HTNV', effectiveDate: '2026-02-10', revision: 2 });
});

afterAll(() => service?.stop());

describe('the rating report of a unit', () => {
  it('counts the district’s own agencies and each commune, per organization and per head, as in force before the appeal', async () => {
    const response = await report(DEMO_USERS.districtAdmin, '720', BEFORE_APPEAL);
    expect(response.errors).toBeUndefined();
    const answer = response.data?.ratingReport;
    expect(answer?.unitName).toBe('Huyện Dầu Tiếng');
    expect(answer?.units.map(({ unitCode, ownAgencies, ratings }) => [unitCode, ownAgencies, ratings])).toEqual([
      ['720', true, expect.objectContaining(counts(0, 1, 0, 0))],
      ['25801', false, expect.objectContaining(counts(1, 3, 0, 1))],
      ['25789', false, expect.objectContaining(counts(1, 1, 1, 0))],
    ]);
    expect(answer?.total).toEqual({ ...counts(2, 5, 1, 1), excellentShare: 22.22, goodShare: 55.56, completedShare: 11.11, notCompletedShare: 11.11 });
    expect(answer?.organizations.map(({ organizationId, ratings }) => [organizationId, ratings.total])).toEqual([
      [DISTRICT_OFFICE, 1], [AN_LAP_OFFICE, 5], [DINH_AN_OFFICE, 3],
    ]);
    expect(answer?.heads).toEqual([
      { organizationId: DISTRICT_OFFICE, organizationName: DISTRICT_NAME, leaders: [{ fullName: 'Đặng Văn Huyện', level: 'HTT' }], staff: expect.objectContaining(counts(0, 0, 0, 0)), staffNotCompleted: false },
      { organizationId: AN_LAP_OFFICE, organizationName: AN_LAP_NAME, leaders: [{ fullName: 'Lê Văn Trưởng', level: 'HTT' }], staff: expect.objectContaining({ ...counts(1, 2, 0, 1), notCompletedShare: 25 }), staffNotCompleted: true },
      { organizationId: DINH_AN_OFFICE, organizationName: DINH_AN_NAME, leaders: [{ fullName: 'Huỳnh Thị Xuất', level: 'HTXS' }], staff: expect.objectContaining(counts(0, 1, 1, 0)), staffNotCompleted: false },
    ]);
  });

  it('names each organization as it was called on the report’s date: the old name before a renaming, the last name of one closed', async () => {
    const names = (answer?: Report) => answer?.organizations.map(({ organizationId, organizationName }) => [organizationId, organizationName]);
    expect(names((await report(DEMO_USERS.districtAdmin, '720', BEFORE_APPEAL)).data?.ratingReport)).toEqual([
      [DISTRICT_OFFICE, DISTRICT_NAME], [AN_LAP_OFFICE, AN_LAP_NAME], [DINH_AN_OFFICE, DINH_AN_NAME],
    ]);
    const after = (await report(DEMO_USERS.districtAdmin, '720', AFTER_APPEAL)).data?.ratingReport;
    expect(names(after)).toEqual([[DISTRICT_OFFICE, DISTRICT_NAME], [AN_LAP_OFFICE, AN_LAP_RENAMED], [DINH_AN_OFFICE, DINH_AN_NAME]]);
    expect(after?.heads.map((row) => row.organizationName)).toEqual([DISTRICT_NAME, AN_LAP_RENAMED, DINH_AN_NAME]);
  });

  it('keeps every version of the names once, however often the organization’s events are delivered', async () => {
    const before = { versions: await organizationVersions(), report: (await report(DEMO_USERS.districtAdmin, '720', AFTER_APPEAL)).data?.ratingReport };
    expect(before.versions).toEqual([
      { id: AN_LAP_OFFICE, name: AN_LAP_NAME, validFrom: '1999-01-01', validTo: '2026-02-01' },
      { id: AN_LAP_OFFICE, name: AN_LAP_RENAMED, validFrom: '2026-02-01', validTo: null },
      { id: DINH_AN_OFFICE, name: DINH_AN_NAME, validFrom: '1999-01-01', validTo: '2026-01-15' },
      { id: DISTRICT_OFFICE, name: DISTRICT_NAME, validFrom: '1999-01-01', validTo: null },
    ]);
    const delivered = (await service.bus.readAll(ORGANIZATION_TOPIC)).filter((message) => JSON.parse(message.value ?? '{}').type.startsWith('Organization'));
    expect(delivered).toHaveLength(organizationEvents.length);
    await service.bus.publish(delivered.map((message) => ({ topic: ORGANIZATION_TOPIC, key: message.key ?? '', value: message.value ?? '' })));
    await eventually(async () => ((await service.bus.consumerLag('evaluation.organizations', ORGANIZATION_TOPIC)) === 0 ? true : undefined), { what: 'redeliveries consumed' });
    expect(await organizationsApplied()).toBe(organizationEvents.length);
    expect({ versions: await organizationVersions(), report: (await report(DEMO_USERS.districtAdmin, '720', AFTER_APPEAL)).data?.ratingReport }).toEqual(before);
  });

  it('reads the level the appeal (revision 2) decided from the day it took effect', async () => {
    const answer = (await report(DEMO_USERS.districtAdmin, '720', AFTER_APPEAL)).data?.ratingReport;
    expect(answer?.units[1]?.ratings).toMatchObject(counts(1, 3, 1, 0));
    expect(answer?.total).toMatchObject(counts(2, 5, 2, 0));
    expect(answer?.heads[1]).toMatchObject({ organizationId: AN_LAP_OFFICE, staffNotCompleted: false });
    // before the head decided, nothing of 2025 was rated
    expect((await report(DEMO_USERS.districtAdmin, '720', '2025-12-19')).data?.ratingReport.total).toMatchObject(counts(0, 0, 0, 0));
  });

  it('answers in four statements, whatever the number of organizations', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      statements.mockClear();
      expect((await report(DEMO_USERS.districtAdmin, '720', BEFORE_APPEAL)).errors).toBeUndefined();
      // the relay's outbox polling runs beside the test and is not the report's
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(4);
    } finally {
      statements.mockRestore();
    }
  });

  it('cuts a commune’s officer to the commune, and refuses another commune or an unknown unit', async () => {
    const own = (await report(DEMO_USERS.anLapAdmin, '25801', BEFORE_APPEAL)).data?.ratingReport;
    expect(own?.total).toMatchObject(counts(1, 3, 0, 1));
    expect(own?.organizations.map((row) => row.organizationId)).toEqual([AN_LAP_OFFICE]);
    expect(errorCodes(await report(DEMO_USERS.dinhAnAdmin, '25801', BEFORE_APPEAL))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await report(DEMO_USERS.anLapAdmin, '720', BEFORE_APPEAL))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await report(DEMO_USERS.districtAdmin, '99999', BEFORE_APPEAL))).toEqual(['NOT_FOUND']);
  });

  it('gives the trend year by year, and refuses a range that is none', async () => {
    const trend = await ask<{ ratingTrend: Array<{ year: number; ratings: Record<string, number> }> }>(DEMO_USERS.districtAdmin,
      `{ ratingTrend(unitCode: "720", fromYear: 2023, toYear: 2025, asOf: "${AFTER_APPEAL}") { year ratings { excellent good completed notCompleted total } } }`);
    expect(trend.data?.ratingTrend).toEqual([
      { year: 2023, ratings: counts(0, 0, 0, 0) },
      { year: 2024, ratings: counts(0, 1, 1, 0) },
      { year: 2025, ratings: counts(2, 5, 2, 0) },
    ]);
    const backwards = await ask(DEMO_USERS.districtAdmin, '{ ratingTrend(unitCode: "720", fromYear: 2025, toYear: 2024) { year } }');
    expect(errorCodes(backwards)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the Excel export', () => {
  it('returns the official tables, opened again with exceljs: Vietnamese headers, figures as numbers', async () => {
    const response = await ask<{ ratingReportWorkbook: { fileName: string; contentType: string; contentBase64: string } }>(DEMO_USERS.districtAdmin,
      `{ ratingReportWorkbook(unitCode: "720", year: 2025, asOf: "${BEFORE_APPEAL}") { fileName contentType contentBase64 } }`);
    expect(response.errors).toBeUndefined();
    const file = response.data?.ratingReportWorkbook;
    expect(file).toMatchObject({ fileName: 'bieu-tong-hop-xep-loai-720-2025.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const workbook = new Workbook();
    await workbook.xlsx.read(Readable.from([Buffer.from(file?.contentBase64 ?? '', 'base64')]));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Theo đơn vị', 'Theo tổ chức', 'Theo người đứng đầu']);
    const units = workbook.getWorksheet('Theo đơn vị');
    expect(units?.getCell('A1').value).toBe('Biểu tổng hợp kết quả đánh giá, xếp loại chất lượng năm 2025');
    expect((units?.getRow(4).values as unknown[]).slice(1, 5)).toEqual(['STT', 'Đơn vị', 'Tổng số', 'Hoàn thành xuất sắc nhiệm vụ (số lượng)']);
    expect((units?.getRow(6).values as unknown[]).slice(1)).toEqual([2, 'Xã An Lập', 5, 1, 20, 3, 60, 0, 0, 1, 20]);
    expect((units?.getRow(8).values as unknown[]).slice(2, 12)).toEqual(['Tổng cộng', 9, 2, 22.22, 5, 55.56, 1, 11.11, 1, 11.11]);
    const organizations = workbook.getWorksheet('Theo tổ chức');
    expect((organizations?.getRow(4).values as unknown[]).slice(1, 4)).toEqual(['STT', 'Tổ chức', 'Đơn vị']);
    expect((organizations?.getRow(4).values as unknown[]).at(-1)).toBe('Mã tổ chức');
    expect((organizations?.getRow(6).values as unknown[]).slice(1)).toEqual([2, AN_LAP_NAME, 'Xã An Lập', 5, 1, 20, 3, 60, 0, 0, 1, 20, AN_LAP_OFFICE]);
    const heads = workbook.getWorksheet('Theo người đứng đầu');
    const anLapHead = (heads?.getRow(6).values as unknown[]).slice(1);
    expect(anLapHead.slice(1, 8)).toEqual([AN_LAP_NAME, 'Xã An Lập', 'Lê Văn Trưởng', 'CHU_TICH', 'HTT', 'Có', 4]);
    expect(anLapHead.at(-1)).toBe(AN_LAP_OFFICE);
  });

  it('prints the name the organization bore on the date asked, a renaming after the year included', async () => {
    const response = await ask<{ ratingReportWorkbook: { contentBase64: string } }>(DEMO_USERS.districtAdmin,
      `{ ratingReportWorkbook(unitCode: "720", year: 2025, asOf: "${AFTER_APPEAL}") { contentBase64 } }`);
    const workbook = new Workbook();
    await workbook.xlsx.read(Readable.from([Buffer.from(response.data?.ratingReportWorkbook.contentBase64 ?? '', 'base64')]));
    const column = (sheet: string) => [5, 6, 7].map((row) => (workbook.getWorksheet(sheet)?.getRow(row).values as unknown[])[2]);
    expect(column('Theo tổ chức')).toEqual([DISTRICT_NAME, AN_LAP_RENAMED, DINH_AN_NAME]);
    expect(column('Theo người đứng đầu')).toEqual([DISTRICT_NAME, AN_LAP_RENAMED, DINH_AN_NAME]);
  });
});

describe('the summaries federated onto units and organizations', () => {
  const unitSummaries = async (username: string, asOf: string) =>
    (await queryEntities(service.url, 'AdministrativeUnit', [{ code: '720', asOf }, { code: '25801', asOf }, { code: '25789', asOf }],
      'code y2025: ratingSummary(year: 2025) { excellent good completed notCompleted total } latest: ratingSummary { year total }', await tokenFor(username))).data?._entities;

  it('counts each unit with the units below it, as in force on the unit’s date, and nothing outside the territory', async () => {
    expect(await unitSummaries(DEMO_USERS.districtAdmin, BEFORE_APPEAL)).toEqual([
      { code: '720', y2025: counts(2, 5, 1, 1), latest: { year: 2025, total: 9 } },
      { code: '25801', y2025: counts(1, 3, 0, 1), latest: { year: 2025, total: 5 } },
      { code: '25789', y2025: counts(1, 1, 1, 0), latest: { year: 2025, total: 3 } },
    ]);
    expect((await unitSummaries(DEMO_USERS.districtAdmin, AFTER_APPEAL))?.[1]).toMatchObject({ y2025: counts(1, 3, 1, 0) });
    expect(await unitSummaries(DEMO_USERS.anLapAdmin, BEFORE_APPEAL)).toEqual([
      { code: '720', y2025: null, latest: null },
      { code: '25801', y2025: counts(1, 3, 0, 1), latest: { year: 2025, total: 5 } },
      { code: '25789', y2025: null, latest: null },
    ]);
  });

  it('counts an organization’s staff in one statement per batch, and nothing of another commune’s', async () => {
    const ask = async (username: string) =>
      (await queryEntities(service.url, 'Organization', [{ id: AN_LAP_OFFICE, asOf: AFTER_APPEAL }, { id: DINH_AN_OFFICE, asOf: AFTER_APPEAL }, { id: 'not-an-id', asOf: AFTER_APPEAL }],
        'id ratingSummary(year: 2024) { year good completed total }', await tokenFor(username))).data?._entities;
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      statements.mockClear();
      expect(await ask(DEMO_USERS.districtAdmin)).toEqual([
        { id: AN_LAP_OFFICE, ratingSummary: { year: 2024, good: 1, completed: 1, total: 2 } },
        { id: DINH_AN_OFFICE, ratingSummary: { year: 2024, good: 0, completed: 0, total: 0 } },
        { id: 'not-an-id', ratingSummary: null },
      ]);
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
    expect((await ask(DEMO_USERS.dinhAnAdmin))?.map((organization) => organization.ratingSummary)).toEqual([null, { year: 2024, good: 0, completed: 0, total: 0 }, null]);
  });
});

describe('the evaluations federated onto people', () => {
  const evaluationsOf = async (username: string, year?: number) =>
    (await queryEntities<{ id: string; evaluations: Array<Record<string, unknown>> }>(service.url, 'Person', [{ id: TOT }, { id: 'not-an-id' }],
      `id evaluations${year ? `(year: ${year})` : ''} { year level fullName unitCode status }`, await tokenFor(username))).data?._entities;

  it('answers a person’s evaluations newest first, of a year when asked, in one statement per batch', async () => {
    const statements = jest.spyOn(service.dataSource.logger, 'logQuery');
    try {
      statements.mockClear();
      expect(await evaluationsOf(DEMO_USERS.districtAdmin)).toEqual([
        { id: TOT, evaluations: [
          { year: 2025, level: 'HTT', fullName: 'Phạm Văn Tốt', unitCode: '25801', status: 'DECIDED' },
          { year: 2024, level: 'HTNV', fullName: 'Phạm Văn Tốt', unitCode: '25801', status: 'DECIDED' },
        ] },
        { id: 'not-an-id', evaluations: [] },
      ]);
      expect(statements.mock.calls.filter(([sql]) => !/outbox|^(START TRANSACTION|COMMIT|ROLLBACK)/.test(String(sql)))).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
    expect((await evaluationsOf(DEMO_USERS.anLapAdmin, 2024))?.[0]?.evaluations).toEqual([expect.objectContaining({ year: 2024, level: 'HTNV' })]);
  });

  it('answers nothing of a person evaluated in another commune', async () => {
    expect((await evaluationsOf(DEMO_USERS.dinhAnAdmin))?.[0]).toEqual({ id: TOT, evaluations: [] });
  });
});

describe('the free-text ratings', () => {
  it('are gone with their table', async () => {
    expect((await service.dataSource.query("SELECT to_regclass('rating') AS rating"))[0].rating).toBeNull();
  });
});
