import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '@ps/service-kit';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

/**
 * Subgraphs already answer with typed, stack-free errors; the gateway passes those on as they
 * are and hides anything else (a subgraph down, a planning failure) behind a generic error.
 */
export function createGatewayErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
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
