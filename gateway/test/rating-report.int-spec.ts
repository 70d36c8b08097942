import { randomUUID } from 'node:crypto';
import { DEMO_USERS, errorCodes, graphqlRequest, queryDatabase, tokenFor, type StartedProcess } from '@ps/testing';
import { databaseOf, everyServiceProjectedTheTerritory, gatewayUrl, startPlatform, stopPlatform } from './platform';

/** Xã Thanh An, a commune of Thành phố Hồ Chí Minh today, and its People's Committee. */
const THANH_AN = '25807';
const COMMITTEE = 'Ủy ban nhân dân xã Thanh An';
const AS_OF = '2026-01-31';

let platform: StartedProcess[] = [];

/** A decided 2025 evaluation in the evaluation service's database, as the head's decision leaves it. */
async function decided(organizationId: string, fullName: string, level: string, leader = false): Promise<void> {
  const id = randomUUID();
  const evaluations = databaseOf('evaluation');
  await queryDatabase(evaluations,
    `INSERT INTO evaluation (id, person_id, full_name, unit_code, organization_id, title_code, subject, year, leader, status, level, decided_on, revision, created_by)
     VALUES ($1, $2, $3, $4, $5, 'CONG_CHUC', 'CIVIL_SERVANT', 2025, $6, 'DECIDED', $7, '2025-12-20', 1, 'test')`,
    [id, randomUUID(), fullName, THANH_AN, organizationId, leader, level]);
  await queryDatabase(evaluations,
    `INSERT INTO evaluation_step (evaluation_id, step, level, effective_date, revision, actor, actor_unit_code) VALUES ($1, 'HEAD_DECISION', $2, '2025-12-20', 1, 'test', $3)`,
    [id, level, THANH_AN]);
}

beforeAll(async () => {
  platform = await startPlatform();
  await everyServiceProjectedTheTerritory();
  const [committee] = await queryDatabase<{ id: string }>(databaseOf('organization'),
    'SELECT id FROM organization WHERE unit_code = $1 AND name = $2 AND valid_to IS NULL', [THANH_AN, COMMITTEE]);
  await decided(committee.id, 'Nguyễn Văn Chủ Tịch', 'HTT', true);
  await decided(committee.id, 'Lê Thị Tốt', 'HTT');
  await decided(committee.id, 'Trần Văn Khuyết', 'KHTNV');
}, 300_000);

afterAll(() => stopPlatform(platform));

describe('the rating report through the gateway', () => {
  it('answers the commune’s report per head with the organization’s name from the organization service', async () => {
    const token = await tokenFor(DEMO_USERS.thanhAnAdmin);
    const response = await graphqlRequest<{ ratingReport: Record<string, unknown>; unit: Record<string, unknown> }>(gatewayUrl, `{
      ratingReport(unitCode: "${THANH_AN}", year: 2025, asOf: "${AS_OF}") {
        total { total good notCompleted } heads { organization { name } leaders { fullName level } staff { total notCompleted } staffNotCompleted } }
      unit(code: "${THANH_AN}", asOf: "${AS_OF}") { ratingSummary(year: 2025) { total notCompleted } }
    }`, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      ratingReport: {
        total: { total: 3, good: 2, notCompleted: 1 },
        heads: [{ organization: { name: COMMITTEE }, leaders: [{ fullName: 'Nguyễn Văn Chủ Tịch', level: 'HTT' }], staff: { total: 2, notCompleted: 1 }, staffNotCompleted: true }],
      },
      unit: { ratingSummary: { total: 3, notCompleted: 1 } },
    });
  });

  it('hands out the Excel workbook, and nothing of the commune to another commune’s admin', async () => {
    const workbook = await graphqlRequest<{ ratingReportWorkbook: { fileName: string; contentBase64: string } }>(gatewayUrl,
      `{ ratingReportWorkbook(unitCode: "${THANH_AN}", year: 2025, asOf: "${AS_OF}") { fileName contentBase64 } }`, { token: await tokenFor(DEMO_USERS.thanhAnAdmin) });
    expect(workbook.data?.ratingReportWorkbook.fileName).toBe(`bieu-tong-hop-xep-loai-${THANH_AN}-2025.xlsx`);
    // an xlsx file is a zip archive: it starts with "PK\x03\x04"
    expect(Buffer.from(workbook.data?.ratingReportWorkbook.contentBase64 ?? '', 'base64').subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const refused = await graphqlRequest(gatewayUrl, `{ ratingReport(unitCode: "${THANH_AN}", year: 2025) { total { total } } }`, { token: await tokenFor(DEMO_USERS.anLapAdmin) });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });
});
