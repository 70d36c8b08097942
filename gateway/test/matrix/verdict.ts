import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repositoryRoot } from '@ps/testing';
import type { Answer } from '../security/exchange';

/**
 * How the matrix judges one answer against the policy's allow or deny, and the tally the
 * summary line prints. A leak: data where the policy denies, a row outside the territory, an
 * unmasked field, a refused write that answered anything but FORBIDDEN. A wrong refusal:
 * FORBIDDEN or UNAUTHENTICATED where the policy allows.
 */

export type Via = 'gateway' | 'subgraph';
export type Finding = 'leak' | 'wrong refusal' | 'fault';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: string; extensions?: { code?: string; details?: Record<string, unknown> } }>;
}

export interface Judged {
  body: GraphQLBody;
  codes: string[];
}

/** Fields that only echo what was asked (a key, the date): answering them is not data. */
const ECHOES = new Set(['__typename', 'code', 'id', 'asOf', 'unitCode', 'personId', 'groundCode']);

/**
 * Whether an answer carries anything beyond the echo of its own question: a value, or a row
 * that does (every probe asks each row for a field beyond its keys). Nothing, an empty list, null, zero and false say only that there is nothing (how a
 * subgraph answers a reference outside the territory), so they carry no data.
 */
export function carriesData(value: unknown): boolean {
  if (value === null || value === undefined || value === 0 || value === false) return false;
  if (Array.isArray(value)) return value.some(carriesData);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).some(([field, inner]) => !ECHOES.has(field) && carriesData(inner));
  }
  return true;
}

export function read(answer: Answer): Judged {
  let body: GraphQLBody;
  try {
    body = JSON.parse(answer.text) as GraphQLBody;
  } catch {
    body = { errors: [{ message: answer.text.slice(0, 200), extensions: { code: `HTTP_${answer.status}` } }] };
  }
  const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE');
  if (answer.status === 401) codes.push('UNAUTHENTICATED');
  return { body, codes };
}

const REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED'];
const FAULTS = /INTERNAL_SERVER_ERROR|NO_CODE|HTTP_5|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|BAD_REQUEST/;

/** One finding, with what the suite prints about it. */
export interface Observation {
  finding: Finding;
  kind: string;
  via: Via;
  caller: string;
  operation: string;
  target: string;
  detail: string;
}

export const tally = {
  cases: 0,
  byVia: { gateway: 0, subgraph: 0 } as Record<Via, number>,
  allowed: 0,
  denied: 0,
  findings: [] as Observation[],
  byKind: {} as Record<string, number>,
};

export interface CaseLabel {
  via: Via;
  kind: string;
  caller: string;
  operation: string;
  target: string;
}

function note(label: CaseLabel, finding: Finding, detail: string): void {
  tally.findings.push({ finding, kind: label.kind, via: label.via, caller: label.caller, operation: label.operation, target: label.target, detail: detail.slice(0, 400) });
}

function counted(label: CaseLabel, allowed: boolean): void {
  tally.cases += 1;
  tally.byVia[label.via] += 1;
  if (allowed) tally.allowed += 1;
  else tally.denied += 1;
  tally.byKind[label.kind] = (tally.byKind[label.kind] ?? 0) + 1;
}

const faultOf = (judged: Judged) => judged.codes.find((code) => FAULTS.test(code));

/**
 * A call the policy allows: no FORBIDDEN or UNAUTHENTICATED, no fault; then `inspect` looks at
 * what came back (a row outside the territory, an unmasked field) and names what is wrong.
 */
export function judgeAllowed(label: CaseLabel, answer: Answer, inspect?: (data: Record<string, unknown>) => string | null): Judged {
  counted(label, true);
  const judged = read(answer);
  const refused = judged.codes.find((code) => REFUSALS.includes(code));
  const fault = faultOf(judged);
  if (refused) note(label, 'wrong refusal', `${refused}: ${judged.body.errors?.[0]?.message ?? ''} ${JSON.stringify(judged.body.errors?.[0]?.extensions?.details ?? {})}`);
  else if (fault) note(label, 'fault', `${fault}: ${judged.body.errors?.[0]?.message ?? answer.text.slice(0, 200)}`);
  else if (inspect && judged.body.data) {
    const problem = inspect(judged.body.data);
    if (problem) note(label, 'leak', problem);
  }
  return judged;
}

/**
 * A call the policy denies: nothing of the answer may carry data; a write must be refused with
 * FORBIDDEN itself (any other answer means it got past, or around, authorization), or, for a
 * record outside the caller's territory, NOT_FOUND, revealing nothing (as the README documents).
 */
export function judgeDenied(label: CaseLabel, answer: Answer, options: { write?: boolean; absentOutside?: boolean; perRow?: boolean } = {}): Judged {
  counted(label, false);
  const judged = read(answer);
  const fault = faultOf(judged);
  if (options.perRow && everyRowRejected(judged.body.data)) return judged;
  if (carriesData(judged.body.data)) note(label, 'leak', `answered ${JSON.stringify(judged.body.data).slice(0, 300)}`);
  else if (fault) note(label, 'fault', `${fault}: ${judged.body.errors?.[0]?.message ?? answer.text.slice(0, 200)}`);
  else if (options.write && !judged.codes.includes('FORBIDDEN') && !(options.absentOutside && judged.codes.includes('NOT_FOUND'))) {
    note(label, 'leak', `a refused write answered ${judged.codes.join(', ') || 'no error'}: ${judged.body.errors?.[0]?.message ?? ''}`);
  }
  return judged;
}

/** A file import that imported nothing and rejected its rows: how a file the caller may not write is refused. */
function everyRowRejected(data: Record<string, unknown> | null | undefined): boolean {
  const result = Object.values(data ?? {})[0] as { imported?: number; rejected?: number } | null | undefined;
  return result?.imported === 0 && (result.rejected ?? 0) > 0;
}

/** A finding that no single answer shows (e.g. an audit row written by a refused call). */
export function noteFinding(label: CaseLabel, finding: Finding, detail: string): void {
  note(label, finding, detail);
}

export const count = (kind: Finding) => tally.findings.filter((found) => found.finding === kind).length;

/** Where the summary goes for CI and the release note (`.local/` is git-ignored). */
export const REPORT_PATH = join(repositoryRoot(), '.local', 'access-matrix-report.json');

/** The summary line, also written to REPORT_PATH with the counts by kind and every finding. */
export function summary(extra: Record<string, unknown>): string {
  const line =
    `[matrix] ${tally.cases} cases (${tally.byVia.gateway} gateway, ${tally.byVia.subgraph} subgraph; ${tally.allowed} allowed, ${tally.denied} denied), ` +
    `${count('leak')} leaks, ${count('wrong refusal')} wrong refusals, ${count('fault')} faults`;
  mkdirSync(dirname(REPORT_PATH), { recursive: true });
  writeFileSync(REPORT_PATH, `${JSON.stringify({ summary: line, ...tally, ...extra }, null, 2)}\n`);
  return line;
}
