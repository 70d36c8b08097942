import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gatewayProofHeaders } from '@ps/gateway-proof';
import { EDGE_FAILURES, ErrorCode } from '@ps/service-kit';
import { infrastructure, LEAKS, repositoryRoot, VIETNAMESE_FIRST, type RawAnswer } from '@ps/testing';

/** What came back from one request, as the suite reads it. */
export interface Answer {
  status: number;
  contentType: string | null;
  headers: Record<string, string>;
  text: string;
}

/** One request, as sent from outside: every field optional but the URL. */
export interface Request {
  url: string;
  method?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  token?: string;
  /**
   * The gateway's proof: signed over the request as the gateway signs it (the default, so a
   * subgraph judges the request itself), left out, or replaced by the given headers.
   */
  proof?: 'signed' | 'none' | Record<string, string>;
}

/** What a refusal must be: its status, the stable code of one of its errors, and that error's details. */
export interface Expected {
  status: number;
  code: string;
  details?: Record<string, unknown>;
  /** A header the answer must carry, e.g. `retry-after`. */
  header?: [name: string, value: RegExp];
}

/** Every code the platform answers a refusal with; INTERNAL_SERVER_ERROR is not one of them. */
export const STABLE_CODES = new Set<string>([
  ...Object.keys(EDGE_FAILURES),
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  'BODY_NOT_JSON',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'GATEWAY_PROOF_REQUIRED',
]);

/**
 * Beyond the shared LEAKS (stack frames, node_modules, express, apollo, keycloak, typeorm,
 * postgres, HTML): more libraries, SQL and its errors, source locations, absolute paths.
 */
const MORE_LEAKS = [
  /kafkajs|undici|graphql-armor|escape\.tech|rate-limiter-flexible|body-parser|QueryFailedError|EntityNotFound/i,
  // SQL as TypeORM writes it, and PostgreSQL's own words for what went wrong.
  /\bSELECT\b.{1,300}?\bFROM\b|\bINSERT INTO\b|\bDELETE FROM\b|\bUPDATE\s+\S+\s+SET\b/,
  /syntax error at or near|violates \w+ (?:key )?constraint|invalid input syntax for|(?:relation|column) \\?"\w+\\?" does not exist|field value out of range/i,
  /\.(?:[cm]?js|ts):\d+(?::\d+)?|(?:^|[\s"'(])\/(?:usr|opt|srv|var|tmp|root|app)\/|[A-Z]:\\\\/,
  /\\n\s+at |"stacktrace"|"exception"/,
];

/** Whether a body reveals a stack trace, a path, SQL or a library's name. */
export const leaks = (text: string): boolean => LEAKS.test(text) || MORE_LEAKS.some((pattern) => pattern.test(text));

/** Counters over every answer the suite received, cases and abuse alike. */
export const ledger = {
  cases: 0,
  answers: 0,
  fiveHundreds: 0,
  leaking: 0,
  byTargetAndKind: {} as Record<string, number>,
  caseRan(target: string, kind: string): void {
    this.cases += 1;
    const key = `${target} ${kind}`;
    this.byTargetAndKind[key] = (this.byTargetAndKind[key] ?? 0) + 1;
  },
  received(answer: Answer): Answer {
    this.answers += 1;
    if (answer.status >= 500) this.fiveHundreds += 1;
    if (leaks(answer.text)) this.leaking += 1;
    return answer;
  },
};

/** Sends one request and records its answer in the ledger. */
export async function send(request: Request): Promise<Answer> {
  const method = request.method ?? 'POST';
  const { pathname, search } = new URL(request.url);
  const proof =
    request.proof === 'none' || request.body === undefined
      ? {}
      : typeof request.proof === 'object'
        ? request.proof
        : gatewayProofHeaders(infrastructure.gatewayProofSecret, { method, path: `${pathname}${search}`, body: request.body });
  const response = await fetch(request.url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      ...proof,
      ...request.headers,
    },
    body: request.body,
  });
  const text = await response.text();
  return ledger.received({ status: response.status, contentType: response.headers.get('content-type'), headers: Object.fromEntries(response.headers), text });
}

/** POSTs a GraphQL operation (signed with the gateway's proof unless told otherwise). */
export function sendOperation(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: Pick<Request, 'token' | 'proof' | 'headers'> = {},
): Promise<Answer> {
  return send({ url, body: JSON.stringify({ query, variables }), ...options });
}

/** An answer of `sendMalformed` (from @ps/testing), recorded in the ledger like any other. */
export function fromRaw(raw: RawAnswer): Answer {
  return ledger.received({ status: raw.status, contentType: raw.contentType, headers: raw.allow ? { allow: raw.allow } : {}, text: raw.text });
}

interface GraphQLErrorBody {
  message?: unknown;
  extensions?: { code?: unknown; details?: Record<string, unknown> };
}

/**
 * Checks one refusal as a client sees it: the status (never 5xx), JSON and nothing else, every
 * error with a stable code and Vietnamese first, the expected code (and details) among them,
 * no data beside a 4xx, no suggestion of a field name and nothing leaked.
 */
export function expectRefusal(answer: Answer, expected: Expected): void {
  expect(answer.status).toBeLessThan(500);
  expect(answer.status).toBe(expected.status);
  expect(answer.contentType).toMatch(/^application\/(graphql-response\+)?json/);
  expect(leaks(answer.text) ? answer.text : 'no leak').toBe('no leak');
  expect(answer.text).not.toMatch(/Did you mean/);
  expect(answer.headers['x-powered-by']).toBeUndefined();
  const body = JSON.parse(answer.text) as { data?: unknown; errors?: GraphQLErrorBody[] };
  const errors = body.errors ?? [];
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(STABLE_CODES).toContain(error.extensions?.code);
    expect(error.message).toMatch(VIETNAMESE_FIRST);
  }
  const codes = errors.map((error) => error.extensions?.code);
  expect(codes).toContain(expected.code);
  if (expected.details) {
    const details = errors.filter((error) => error.extensions?.code === expected.code).map((error) => error.extensions?.details);
    expect(details).toContainEqual(expect.objectContaining(expected.details));
  }
  if (expected.status >= 400) expect(body.data ?? null).toBeNull();
  if (expected.header) expect(answer.headers[expected.header[0]]).toMatch(expected.header[1]);
}

/** Where the summary goes for CI and the release note (`.local/` is git-ignored). */
export const REPORT_PATH = join(repositoryRoot(), '.local', 'security-report.json');

/** Removes an earlier run's report, so a run that stops short leaves none behind. */
export function clearReport(): void {
  rmSync(REPORT_PATH, { force: true });
}

/** The summary line, also written to REPORT_PATH with the counts by target and kind. */
export function writeReport(extra: Record<string, unknown>): string {
  const line = `[security] ${ledger.cases} cases (${ledger.answers} answers), ${ledger.fiveHundreds} answers 5xx, ${ledger.leaking} stack traces, paths or library names`;
  mkdirSync(dirname(REPORT_PATH), { recursive: true });
  const report = {
    cases: ledger.cases,
    answers: ledger.answers,
    answers5xx: ledger.fiveHundreds,
    stackTracesOrLeaks: ledger.leaking,
    casesByTargetAndKind: ledger.byTargetAndKind,
    ...extra,
    summary: line,
  };
  writeFileSync(REPORT_PATH, `${JSON.stringify(report, null, 2)}\n`);
  return line;
}
