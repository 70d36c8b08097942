import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { DEMO_USERS, graphqlRequest, repositoryRoot, tokenFor } from '@ps/testing';
import { databaseOf, gatewayUrl } from './platform';

/**
 * The seed story's evaluation: the evaluation seed as `npm start` runs it after personnel's (job-
 * responsibility rules, quarterly cycles, period scores and the ratings decided through the
 * workflow), and Huyện Dầu Tiếng's 2024 quality report read through the gateway.
 */
export function seedEvaluation(): number {
  const started = Date.now();
  execFileSync(process.execPath, ['dist/seed/seed.js'], {
    cwd: join(repositoryRoot(), 'services', 'evaluation'),
    env: { ...process.env, DATABASE_URL: databaseOf('evaluation'), LOG_LEVEL: 'warn' },
  });
  return (Date.now() - started) / 1000;
}

export interface Distribution {
  excellent: number;
  good: number;
  completed: number;
  notCompleted: number;
  total: number;
}

export interface StoryReport {
  units: Array<{ unitCode: string; unitName: string; ownAgencies: boolean; ratings: Distribution }>;
  heads: Array<{ organizationName: string | null; unitName: string; leaders: Array<{ fullName: string; level: string }>; staff: Distribution; staffNotCompleted: boolean }>;
  total: Distribution;
}

const DISTRIBUTION = 'excellent good completed notCompleted total';

/** The district's 2024 report as the district admin asks it, early 2025 while the district still stood. */
export async function districtReport(username: string = DEMO_USERS.districtAdmin) {
  return graphqlRequest<{ ratingReport: StoryReport }>(
    gatewayUrl,
    `{ ratingReport(unitCode: "720", year: 2024, asOf: "2025-01-31") {
         units { unitCode unitName ownAgencies ratings { ${DISTRIBUTION} } }
         heads { organizationName unitName leaders { fullName level } staff { ${DISTRIBUTION} } staffNotCompleted }
         total { ${DISTRIBUTION} } } }`,
    { token: await tokenFor(username) },
  );
}

/** The district's 2024 workbook, opened: each sheet's lines under its header row (row 4), as plain values. */
export async function districtWorkbook(): Promise<{ fileName: string; sheets: Map<string, unknown[][]> }> {
  const response = await graphqlRequest<{ ratingReportWorkbook: { fileName: string; contentBase64: string } }>(
    gatewayUrl,
    '{ ratingReportWorkbook(unitCode: "720", year: 2024, asOf: "2025-01-31") { fileName contentBase64 } }',
    { token: await tokenFor(DEMO_USERS.districtAdmin) },
  );
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(response.data?.ratingReportWorkbook.contentBase64 ?? '', 'base64') as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const lines: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number >= 4) lines.push((row.values as unknown[]).slice(1));
    });
    sheets.set(sheet.name, lines);
  });
  return { fileName: response.data?.ratingReportWorkbook.fileName ?? '', sheets };
}

const CITY_BOARD = DEMO_USERS.hcmcOrganizationBoard;
const THANH_AN = '25807';

/** A request as the city's Ban Tổ chức officer, who manages and rates Thanh An's cadres. */
export async function asCityBoard<Data>(query: string, variables: Record<string, unknown> = {}) {
  return graphqlRequest<Data>(gatewayUrl, query, { token: await tokenFor(CITY_BOARD), variables });
}

/** A change dated `date`, on a decision of that day (demo numbering). */
export const onDecision = (number: string, date: string) => ({ effectiveDate: date, reason: 'Đánh giá, xếp loại chất lượng năm 2025', decision: { number, date, signer: 'Trưởng Ban Tổ chức Thành ủy' } });

/** The year the flow rates: after the 2025 mergers (Thanh An under the city, Decree 154/2025 and Regulation 366 in force), and one the demo seed leaves unrated. */
export const FLOW_YEAR = 2025;

export interface Secretary {
  personId: string;
  fullName: string;
  organizationId: string;
}

/** A Party secretary of Xã Thanh An whom the city's board manages and nobody has evaluated for the flow's year. */
export async function unratedSecretary(): Promise<{ secretary?: Secretary; seen: string[] }> {
  const seen: string[] = [];
  const committees = await asCityBoard<{ unit: { organizations: Array<{ id: string; assignments: Array<{ personId: string; titleCode: string }> }> } }>(
    `{ unit(code: "${THANH_AN}") { organizations(kind: PARTY_COMMITTEE) { id assignments { personId titleCode } } } }`,
  );
  for (const committee of committees.data?.unit.organizations ?? []) {
    for (const { personId } of committee.assignments.filter((post) => post.titleCode === 'COMMUNE_PARTY_SECRETARY')) {
      const person = await asCityBoard<{ person: { fullName: string; managedByMe: boolean; evaluations: unknown[] } | null }>(
        'query ($id: ID!) { person(id: $id) { fullName managedByMe evaluations(year: 2025) { id } } }', { id: personId },
      );
      seen.push(`${committee.id}/${personId}: ${JSON.stringify(person.data?.person ?? person.errors)}`);
      if (person.data?.person?.managedByMe && person.data.person.evaluations.length === 0) return { secretary: { personId, fullName: person.data.person.fullName, organizationId: committee.id }, seen };
    }
    seen.push(`${committee.id}: ${committee.assignments.map((post) => post.titleCode).join(', ')}`);
  }
  return { seen };
}

/** The secretary's evaluation of the flow's year through every step, the city's board deciding HTT; the decided level and the rules that set it. */
export async function rateSecretary(secretary: Secretary) {
  const opened = await asCityBoard<{ openEvaluation: { id: string } }>('mutation ($input: OpenEvaluationInput!) { openEvaluation(input: $input) { id } }', {
    input: { ...secretary, unitCode: THANH_AN, titleCode: 'COMMUNE_PARTY_SECRETARY', subject: 'PARTY_MEMBER', year: FLOW_YEAR, dutyGroup: 'Bí thư', leader: true, change: onDecision('KH-01/2025', '2025-12-01') },
  });
  const evaluationId = opened.data?.openEvaluation.id;
  const steps: Array<[string, string, Record<string, unknown>]> = [
    ['recordSelfAssessment', 'RecordSelfAssessmentInput', { level: 'HTT', comment: 'Hoàn thành tốt các nhiệm vụ được giao', change: onDecision('BTN-01/2025', '2025-12-02') }],
    ['recordStaffMeetingComments', 'RecordStaffMeetingCommentsInput', { comment: 'Tập thể ghi nhận, nhắc việc bị khiển trách trong năm', change: onDecision('BB-01/2025', '2025-12-03') }],
    ['proposeRating', 'ProposeRatingInput', { level: 'HTT', comment: 'Đề nghị HTT', change: onDecision('DX-01/2025', '2025-12-04') }],
  ];
  for (const [mutation, type, input] of steps) {
    const answer = await asCityBoard(`mutation ($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input: { evaluationId, ...input } });
    if (answer.errors) return { evaluationId, errors: answer.errors };
  }
  const decided = await asCityBoard<{ decideRatings: Array<{ level: string; appliedRules: Array<{ rule: string; source: string; article: string }> }> }>(
    'mutation ($input: DecideRatingsInput!) { decideRatings(input: $input) { level appliedRules { rule source article } } }',
    { input: { decisions: [{ evaluationId, level: 'HTT' }], change: onDecision('QĐ-XL-01/2025', '2025-12-05') } },
  );
  return { evaluationId, errors: decided.errors, decided: decided.data?.decideRatings[0] };
}
