import { send, sendOperation } from '../exchange';
import { keyProbe, TARGETS, tokenOf, urlOf, type Case, type TargetName } from '../targets';

const TOO_LONG = 'x'.repeat(10_001);
/** Stands for the bytes spliced into a variable's value once the body is JSON. */
const SPLICE = 'SPLICE-HERE';

/** Strings no resolver may see: as variables, as literals (GraphQL escapes), as raw bytes. */
const STRINGS: Array<{ name: string; variable?: string; literal?: string; bytes?: number[]; code?: string; details?: Record<string, unknown> }> = [
  { name: 'a NUL in a variable', variable: '25801\u0000', details: { reason: 'TEXT_NUL' } },
  { name: 'a NUL escaped in a literal', literal: '"25801\\u0000"', details: { reason: 'TEXT_NUL' } },
  { name: 'a NUL as a braced escape in a literal', literal: '"25801\\u{0}"', details: { reason: 'TEXT_NUL' } },
  { name: 'a lone high surrogate in a variable', variable: '25801\uD800', details: { reason: 'TEXT_INVALID_UNICODE' } },
  { name: 'a lone low surrogate in a variable', variable: '\uDC0025801', details: { reason: 'TEXT_INVALID_UNICODE' } },
  // graphql-js itself refuses the escape of a lone surrogate while parsing.
  { name: 'a lone surrogate escaped in a literal', literal: '"25801\\uD800"', code: 'GRAPHQL_PARSE_FAILED' },
  { name: '10,001 characters in a variable', variable: TOO_LONG, details: { reason: 'TEXT_TOO_LONG', maxLength: 10_000 } },
  { name: '10,001 characters in a literal', literal: `"${TOO_LONG}"`, details: { reason: 'TEXT_TOO_LONG', maxLength: 10_000 } },
  { name: 'a byte that is no UTF-8 in a variable', bytes: [0xff], details: { reason: 'TEXT_INVALID_UNICODE', where: 'body' } },
  { name: 'an overlong UTF-8 "/" in a variable', bytes: [0xc0, 0xaf], details: { reason: 'TEXT_INVALID_UNICODE', where: 'body' } },
  { name: 'a surrogate encoded in UTF-8 (CESU-8) in a variable', bytes: [0xed, 0xa0, 0x80], details: { reason: 'TEXT_INVALID_UNICODE', where: 'body' } },
];

/** The probe's request body with `bytes` in the middle of its string variable. */
function bodyWithBytes(target: TargetName, bytes: number[]): Buffer {
  const probe = keyProbe(target);
  const [before, after] = JSON.stringify({ query: probe.query, variables: probe.variables(`25801${SPLICE}`) }).split(SPLICE);
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
}

/** NUL, lone surrogates, invalid UTF-8 and over-long strings in a unit code, on every target: 400 before any resolver. */
export function textCases(): Case[] {
  return TARGETS.flatMap((target) => {
    const probe = keyProbe(target);
    const url = urlOf(target);
    return STRINGS.map(({ name, variable, literal, bytes, code, details }): Case => ({
      target,
      kind: 'text',
      name,
      send: () => {
        const token = tokenOf('text');
        if (bytes) return send({ url, body: bodyWithBytes(target, bytes), token });
        if (literal) return sendOperation(url, probe.literal(literal), {}, { token });
        return sendOperation(url, probe.query, probe.variables(variable), { token });
      },
      expected: { status: 400, code: code ?? 'BAD_USER_INPUT', ...(details ? { details } : {}) },
    }));
  });
}
