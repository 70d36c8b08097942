import { sendOperation } from '../exchange';
import { tokenOf, urlOf, type Case } from '../targets';

const BEFORE_2025 = '2025-06-30';
const aliases = (count: number, field = 'unit(code: "720") { code }') =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const children = (levels: number) => `{ unit(code: "720") { ${'children { '.repeat(levels)}code${' }'.repeat(levels)} } }`;
/** Every service's fields for 100 searched units, 20 times over: a fan-out across the four subgraphs. */
const FAN_OUT = aliases(20, 'searchUnits(text: "xa", first: 100) { code headcount ratingSummary { year total } plans { title } }');
/** Every service's audit trail, 200 entries each (cost × first). */
const AUDIT_FAN_OUT = `{ auditTrail(unitCode: "720", from: "2025-01-01", to: "2025-12-31") {
  ${['organization', 'personnel', 'evaluation', 'reform'].map((service) => `${service}(first: 200) { entries { occurredAt actor { username } operation target { type label } } }`).join(' ')} } }`;

const limit = (name: string, max: number) => ({ status: 400, code: 'QUERY_LIMIT_EXCEEDED', details: { limit: name, max } });

/** Documents the gateway refuses before any planning, with the limit each breaks (the defaults of gateway/.env.example). */
const DOCUMENTS: Array<[name: string, query: string, expected: ReturnType<typeof limit>]> = [
  ['depth 32 of children', children(32), limit('DEPTH', 10)],
  ['depth 11 of children', children(10), limit('DEPTH', 10)],
  ['21 unit aliases', aliases(21), limit('ALIASES', 20)],
  ['2,000 unit aliases (the parser stops first)', aliases(2000), limit('TOKENS', 2000)],
  ['80,000 repeated __typename in ~880 KB', `{ unit(code: "720", asOf: "${BEFORE_2025}") { ${'__typename '.repeat(80_000)}} }`, limit('TOKENS', 2000)],
  ['8,000 __typename at the root', `{ ${'__typename '.repeat(8000)}}`, limit('TOKENS', 2000)],
  ['21 @skip directives', `{ ${'__typename @skip(if: false) '.repeat(21)}}`, limit('DIRECTIVES', 20)],
  ['30 @include on one field', `{ __typename ${'@include(if: true) '.repeat(30)}}`, limit('DIRECTIVES', 20)],
  ['a statistics fan-out: every service for 20 × 100 units', FAN_OUT, limit('COST', 20_000)],
  ['every audit trail, 200 entries each', AUDIT_FAN_OUT, limit('COST', 20_000)],
];

/** The gateway's operation limits: 400 QUERY_LIMIT_EXCEEDED naming the limit. */
export function limitCases(): Case[] {
  return DOCUMENTS.map(([name, query, expected]) => ({
    target: 'gateway',
    kind: 'limit',
    name,
    send: () => sendOperation(urlOf('gateway'), query, {}, { token: tokenOf('limit') }),
    expected,
  }));
}
