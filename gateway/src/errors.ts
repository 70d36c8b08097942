import { DomainError } from '@ps/errors';
import type { Logger } from '@ps/service-kit';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

export type QueryLimit = 'DEPTH' | 'ALIASES' | 'DIRECTIVES' | 'TOKENS' | 'COST';

const LIMIT_NAMES: Record<QueryLimit, { vi: string; en: string }> = {
  DEPTH: { vi: 'độ sâu', en: 'depth' },
  ALIASES: { vi: 'số bí danh (alias)', en: 'alias' },
  DIRECTIVES: { vi: 'số chỉ thị (directive)', en: 'directive' },
  TOKENS: { vi: 'độ dài (số token)', en: 'token' },
  COST: { vi: 'chi phí', en: 'cost' },
};

/** The operation exceeds one of the gateway's limits; rejected before planning, HTTP 400. */
export class QueryLimitError extends DomainError {
  constructor(limit: QueryLimit, max: number) {
    const name = LIMIT_NAMES[limit];
    super(
      'QUERY_LIMIT_EXCEEDED',
      { vi: `Truy vấn vượt giới hạn ${name.vi} (tối đa ${max})`, en: `The operation exceeds the ${name.en} limit (at most ${max})` },
      { details: { limit, max }, httpStatus: 400 },
    );
  }
}

/** The caller sent more requests than the rate allows; HTTP 429 with Retry-After. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      {
        vi: `Quá nhiều yêu cầu, vui lòng thử lại sau ${retryAfterSeconds} giây`,
        en: `Too many requests, please retry in ${retryAfterSeconds} s`,
      },
      { details: { retryAfterSeconds }, httpStatus: 429 },
    );
  }
}

/** A subgraph could not be reached: its fields come back null, the rest of the answer arrives. */
export class ServiceUnavailableError extends DomainError {
  constructor(service: string) {
    super(
      'SERVICE_UNAVAILABLE',
      { vi: `Dịch vụ ${service} tạm thời không phản hồi`, en: `The ${service} service is temporarily unavailable` },
      { details: { service } },
    );
  }
}

/** graphql-js's parser message when `maxTokens` stops it (16.x spells it "more that"), behind the edge's Vietnamese prefix. */
const TOKEN_LIMIT = /Syntax Error: Document contains more th\w+ (\d+) tokens/;

/** The typed error behind a formatted one: reported by a limit rule, or the parser's token limit. */
function domainErrorOf(error: unknown): DomainError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  if (error.originalError instanceof DomainError) return error.originalError;
  const tokens = TOKEN_LIMIT.exec(error.originalError?.message ?? error.message);
  return tokens ? new QueryLimitError('TOKENS', Number(tokens[1])) : undefined;
}

/**
 * Subgraphs already answer with typed, stack-free errors; the gateway passes those on as they
 * are, restores the typed errors of its own limits, and hides anything else (a planning
 * failure, a subgraph's 5xx) behind a generic error.
 */
export function createGatewayErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domain = domainErrorOf(error);
    if (domain) {
      const { code, details } = domain.extensions;
      return { message: domain.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...(details ? { details } : {}) } };
    }
    const code = formatted.extensions?.code;
    const { stacktrace: _stacktrace, exception: _exception, serviceName: _service, ...extensions } =
      formatted.extensions ?? {};
    if (typeof code === 'string' && code !== INTERNAL) return { ...formatted, extensions };
    logger.error({ err: error, path: formatted.path }, 'gateway error');
    return {
      message: 'Lỗi hệ thống, vui lòng thử lại sau / Internal error, please try again later',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: INTERNAL },
    };
  };
}
