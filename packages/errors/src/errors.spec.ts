import { GraphQLError } from 'graphql';
import pino from 'pino';
import { BadUserInputError, createErrorFormatter, UnauthenticatedError } from './errors';

const format = createErrorFormatter(pino({ level: 'silent' }));

describe('error formatter', () => {
  it('keeps typed errors with their code, Vietnamese first, without a stack trace', () => {
    const error = new BadUserInputError('Năm không hợp lệ', 'Invalid year', { year: 1800 });
    const formatted = format({ ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);
    expect(formatted.message).toBe('Năm không hợp lệ / Invalid year');
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', details: { year: 1800 } });
  });

  it('hides unexpected errors behind a generic internal error', () => {
    const wrapped = new GraphQLError('relation "secret_table" does not exist', {
      originalError: new Error('relation "secret_table" does not exist'),
    });
    const formatted = format({ message: wrapped.message, extensions: { stacktrace: ['at db'] } }, wrapped);
    expect(formatted.message).not.toContain('secret_table');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('answers a typed error that GraphQL wrapped (a scalar refusing a variable) with its own message and code', () => {
    const refused = new BadUserInputError('Ngày không hợp lệ', 'Invalid date', { reason: 'DATE_INVALID' });
    const wrapped = new GraphQLError('Variable "$asOf" got invalid value "2025-13-45"; Ngày không hợp lệ / Invalid date', {
      originalError: refused,
      extensions: { ...refused.extensions, http: { status: 400 } },
    });
    const formatted = format({ message: wrapped.message, locations: [{ line: 1, column: 8 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrapped);
    expect(formatted).toEqual({
      message: 'Ngày không hợp lệ / Invalid date',
      locations: [{ line: 1, column: 8 }],
      extensions: { code: 'BAD_USER_INPUT', details: { reason: 'DATE_INVALID' } },
    });
  });

  it('marks an unauthenticated request for HTTP 401, with its reason', () => {
    const error = new UnauthenticatedError({ vi: 'Mã truy cập đã hết hạn', en: 'Token expired' }, { reason: 'TOKEN_EXPIRED' });
    expect(error.message).toBe('Mã truy cập đã hết hạn / Token expired');
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', details: { reason: 'TOKEN_EXPIRED' }, http: { status: 401 } });
  });
});
