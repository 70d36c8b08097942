import { leaks } from './exchange';

/**
 * The leak detector itself, so that "0 stack traces, paths or library names" means something:
 * it must catch each kind of leak the platform once had or could have, and pass the refusals.
 */
describe('the leak detector', () => {
  const body = (message: string, extensions: object = {}) => JSON.stringify({ errors: [{ message, extensions }] });

  it.each([
    ['a stack trace in extensions', body('x', { stacktrace: ['Error: x', '    at f (/srv/app/dist/a.js:1:2)'] })],
    ['a stack trace in a message', body('Error: boom\n    at Object.<anonymous> (file.js:1:1)')],
    ['an HTML error page', '<!DOCTYPE html><html><body><pre>SyntaxError: Unexpected end of JSON input</pre></body></html>'],
    ['a node_modules path', body('at /work/app/node_modules/body-parser/lib/read.js')],
    ['SQL as TypeORM writes it', body('SELECT "plan"."id" FROM "reform_plan" "plan" WHERE "plan"."unit_code" = $1')],
    ['a PostgreSQL error', body('date/time field value out of range: "2025-13-01"')],
    ['a TypeORM error class', body('QueryFailedError: relation "territory_unit" does not exist')],
    ['a library name', body('KafkaJSConnectionError (kafkajs)')],
    ['another library name', body('fetch failed (undici)')],
  ])('catches %s', (_kind, text) => expect(leaks(text)).toBe(true));

  it.each([
    ['a date refusal', body('Ngày không hợp lệ / Invalid date', { code: 'BAD_USER_INPUT', details: { reason: 'DATE_INVALID', where: 'line 1, column 14' } })],
    ['a parse error', body('Truy vấn GraphQL sai cú pháp / Syntax Error: Invalid Unicode escape sequence: "\\uD800".')],
    ['a body too large', body('Nội dung yêu cầu vượt quá giới hạn cho phép / The request body is larger than allowed', { details: { limitBytes: 1_048_576 } })],
  ])('passes %s', (_kind, text) => expect(leaks(text)).toBe(false));
});
