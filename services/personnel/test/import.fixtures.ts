import { changeOn, DEMO_USERS, graphqlRequest, tokenFor } from '@ps/testing';
import { ASSIGNMENT_COLUMNS } from '../src/import/import.columns';

/** What an import mutation answers. */
export interface ImportAnswer {
  imported: number;
  rejected: number;
  rejects: Array<{ row: number; field: string; code: string; message: string }>;
}

export type ImportMutation = 'importPeople' | 'importPartyMemberships' | 'importAssignments';

interface ImportOptions {
  format?: 'CSV' | 'XLSX';
  username?: string;
  change?: ReturnType<typeof changeOn>;
}

/**
 * Sends a file as the API takes it: base64 in parts of at most 10,000 characters (by default a
 * CSV, on 2 January 2025, by Dầu Tiếng's organization board, which manages the district's commune cadres then).
 */
export async function importFile(url: string, mutation: ImportMutation, content: Buffer, options: ImportOptions = {}) {
  const base64 = content.toString('base64');
  const parts = Array.from({ length: Math.ceil(base64.length / 10_000) }, (_, index) => base64.slice(index * 10_000, (index + 1) * 10_000));
  const change = options.change ?? changeOn('2025-01-02', { number: '77/QĐ-UBND', reason: 'Nhập hồ sơ' });
  return graphqlRequest<Record<string, ImportAnswer>>(
    url,
    `mutation ($input: ImportFileInput!) { ${mutation}(input: $input) { imported rejected rejects { row field code message } } }`,
    { token: await tokenFor(options.username ?? DEMO_USERS.districtOrganizationBoard), variables: { input: { format: options.format ?? 'CSV', contentBase64: parts, change } } },
  );
}

/** One row of an assignment file, by header. */
export type AssignmentFileRow = Record<(typeof ASSIGNMENT_COLUMNS)[keyof typeof ASSIGNMENT_COLUMNS], string>;

const ASSIGNMENT_HEADERS = Object.values(ASSIGNMENT_COLUMNS);

/** The rows as a CSV file (ids, codes and có/không carry no comma, quote or line break). */
export function assignmentsCsv(rows: readonly AssignmentFileRow[]): Buffer {
  return Buffer.from([ASSIGNMENT_HEADERS.join(','), ...rows.map((row) => ASSIGNMENT_HEADERS.map((header) => row[header]).join(','))].join('\n') + '\n');
}
