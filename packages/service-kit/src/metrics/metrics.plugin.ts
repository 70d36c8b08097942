import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ServiceMetrics } from './metrics.registry';

/**
 * Records every request Apollo answers: its duration from the start of the request to the
 * answer, its outcome and the codes of the answer's errors as the client reads them (after
 * formatting). A request refused before it started (its context could not be built: a refused
 * token; a bad request) counts as an error with the refusal's code, without a duration.
 */
export function graphqlMetricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin<BaseContext> {
  return {
    async contextCreationDidFail({ error }) {
      metrics.recordRequest(undefined, [codeOf(error, 'INTERNAL_SERVER_ERROR')]);
    },
    async invalidRequestWasReceived({ error }) {
      metrics.recordRequest(undefined, [codeOf(error, 'BAD_REQUEST')]);
    },
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response }) {
          metrics.recordRequest((performance.now() - started) / 1000, errorCodes(response));
        },
      };
    },
  };
}

/** `extensions.code` of each error of the answer (its first part, when delivered incrementally). */
function errorCodes(response: GraphQLResponse): string[] {
  const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
  return (errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : 'UNKNOWN';
  });
}

function codeOf(error: Error, fallback: string): string {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return typeof code === 'string' ? code : fallback;
}
