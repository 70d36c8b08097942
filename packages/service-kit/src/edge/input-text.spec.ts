import { DomainError } from '@ps/errors';
import { parse } from 'graphql';
import { requireWellFormedText, textProblem } from './input-text';

const refusal = (query: string, variables: unknown = {}, maxLength = 20) => {
  try {
    requireWellFormedText(parse(query), variables, maxLength);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, details: error.extensions.details, status: (error.extensions.http as { status: number }).status };
  }
  return 'accepted';
};

describe('textProblem', () => {
  it.each([
    ['plain Vietnamese', null, 'Xã Định An'],
    ['an emoji (a surrogate pair)', null, 'Ấp 🌾 Bến Củi'],
    ['exactly the limit', null, 'x'.repeat(20)],
    ['a NUL', 'TEXT_NUL', '25801\u0000'],
    ['a lone high surrogate', 'TEXT_INVALID_UNICODE', 'ab\uD800'],
    ['a lone low surrogate', 'TEXT_INVALID_UNICODE', '\uDC00ab'],
    ['a reversed pair', 'TEXT_INVALID_UNICODE', '\uDC00\uD800'],
    ['one character too many', 'TEXT_TOO_LONG', 'x'.repeat(21)],
  ])('%s: %s', (_case, problem, text) => {
    expect(textProblem(text, 20)).toBe(problem);
  });
});

describe('requireWellFormedText', () => {
  it('accepts ordinary literals and variables', () => {
    expect(refusal('query ($code: ID!) { unit(code: $code, name: "Định An") { name } }', { code: '25789', input: { tags: ['a', 'b'] } })).toBe(
      'accepted',
    );
  });

  it('refuses a NUL written as a GraphQL escape in a literal, saying where', () => {
    expect(refusal('{\n  unit(code: "25801\\u0000") { name } }')).toEqual({
      code: 'BAD_USER_INPUT',
      status: 400,
      details: { reason: 'TEXT_NUL', where: 'line 2, column 14' },
    });
  });

  it('refuses a block string that is too long', () => {
    expect(refusal(`{ unit(code: """${'x'.repeat(21)}""") { name } }`)).toMatchObject({ details: { reason: 'TEXT_TOO_LONG', maxLength: 20 } });
  });

  it('refuses a variable at any depth, naming its path', () => {
    const variables = { input: { change: { decision: { signers: ['Nguyễn Văn A', 'B\uD800'] } } } };
    expect(refusal('{ a }', variables)).toMatchObject({ details: { reason: 'TEXT_INVALID_UNICODE', where: '$input.change.decision.signers[1]' } });
  });

  it('refuses an object key with a NUL without repeating the key', () => {
    expect(refusal('{ a }', { input: { 'na\u0000me': 'x' } })).toMatchObject({ details: { reason: 'TEXT_NUL', where: '$input' } });
  });

  it('walks variables nested far deeper than any recursion could, without exhausting the stack', () => {
    const depth = 100_000; // a 200 KB body; a recursive walk overflows near 10,000
    const nested: unknown = JSON.parse(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`);
    expect(refusal('{ a }', { deep: nested })).toMatchObject({ details: { reason: 'TEXT_NUL', where: expect.stringMatching(/^\$deep(\[0\]){60}/) } });
  });
});
