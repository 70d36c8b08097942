import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** Stable error codes shared by every service; services add namespaced ones (e.g. `QUOTA_EXCEEDED`). */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  NotInForce: 'NOT_IN_FORCE',
  Conflict: 'CONFLICT',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

/**
 * An expected failure a user can cause: a stable `extensions.code`, a Vietnamese-first
 * message with the English beside it, optional structured details, and an HTTP status
 * when it ends the whole request (401 before any field runs).
 */
export class DomainError extends GraphQLError {
  constructor(
    code: string,
    message: { vi: string; en: string },
    options: { details?: Record<string, unknown>; httpStatus?: number } = {},
  ) {
    super(`${message.vi} / ${message.en}`, {
      extensions: {
        code,
        ...(options.details ? { details: options.details } : {}),
        ...(options.httpStatus ? { http: { status: options.httpStatus } } : {}),
      },
    });
    this.name = 'DomainError';
  }

  get code(): string {
    return String(this.extensions.code);
  }
}

/**
 * No valid token: HTTP 401 before any field runs. The message names the reason in fixed words
 * (`details.reason`, e.g. TOKEN_EXPIRED); what a library said about the token goes to the log only.
 */
export class UnauthenticatedError extends DomainError {
  constructor(message: { vi: string; en: string }, details?: Record<string, unknown>) {
    super(ErrorCode.Unauthenticated, message, { details, httpStatus: 401 });
  }
}

export class ForbiddenError extends DomainError {
  constructor(vi: string, en: string, details?: Record<string, unknown>) {
    super(ErrorCode.Forbidden, { vi, en }, { details });
  }
}

export class BadUserInputError extends DomainError {
  constructor(vi: string, en: string, details?: Record<string, unknown>) {
    super(ErrorCode.BadUserInput, { vi, en }, { details });
  }
}

export class NotFoundError extends DomainError {
  constructor(vi: string, en: string, details?: Record<string, unknown>) {
    super(ErrorCode.NotFound, { vi, en }, { details });
  }
}

/**
 * One code per condition, for every kind of thing and every query or mutation: a thing that
 * exists but was not in force on the date asked (before it began, or after it ended). The
 * message names it and says when it was in force; details carry the dates.
 */
export class NotInForceError extends DomainError {
  constructor(vi: string, en: string, details?: Record<string, unknown>) {
    super(ErrorCode.NotInForce, { vi, en }, { details });
  }
}

/**
 * FORBIDDEN for a thing outside the caller's territory on the date asked. `subject` names it
 * ("Xã Định An (25789)"); nothing else about it is revealed.
 */
export class OutsideTerritoryError extends ForbiddenError {
  constructor(subject: string, details: Record<string, unknown> = {}) {
    super(`${subject} nằm ngoài địa bàn bạn quản lý`, `${subject} is outside your territory`, {
      reason: 'OUTSIDE_TERRITORY',
      ...details,
    });
  }
}

/** The words of every internal error: what went wrong is in the log, never in the answer. */
export const INTERNAL_ERROR_MESSAGE = {
  vi: 'Lỗi hệ thống, vui lòng thử lại sau',
  en: 'Internal error, please try again later',
} as const;

/** Codes that GraphQL itself raises for malformed requests; they are safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo `formatError`: typed errors and GraphQL request errors pass through without stack
 * traces; anything else is logged in full and answered with a generic internal error.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const code = formatted.extensions?.code;
    if (original instanceof DomainError) return asThrown(formatted, original);
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return withoutStack(formatted);
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: `${INTERNAL_ERROR_MESSAGE.vi} / ${INTERNAL_ERROR_MESSAGE.en}`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.Internal },
    };
  };
}

/**
 * A typed error answered with its own message, code and details, also where GraphQL wrapped it:
 * a scalar refusing a variable ("Variable \"$asOf\" got invalid value …; <message>") or a
 * literal (GRAPHQL_VALIDATION_FAILED) still reads Vietnamese first, with its own code.
 */
function asThrown(formatted: GraphQLFormattedError, original: DomainError): GraphQLFormattedError {
  const { details } = original.extensions;
  return {
    message: original.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: original.code, ...(details === undefined ? {} : { details }) },
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * Something that cannot happen unless the code, its build or its shipped data is wrong (a
 * missing schema file, a data file without the expected unit). Never a user's doing: it is
 * logged in full and answered as an internal error.
 */
export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}
