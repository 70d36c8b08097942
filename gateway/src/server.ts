import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { TokenVerifier } from '@ps/auth';
import {
  acceptGraphQLRequests,
  answerEverythingElse,
  countEdgeRefusals,
  createServiceMetrics,
  DEFAULT_EDGE_SETTINGS,
  edgePlugin,
  graphqlMetricsPlugin,
  mountHealth,
  mountMetrics,
  signingKeyReadiness,
  type EdgeSettings,
  type Logger,
} from '@ps/service-kit';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GatewaySettings } from './config';
import { browserOrigins } from './cors';
import { createGatewayErrorFormatter } from './errors';
import { operationLimits } from './limits';
import { rateLimitPerUser } from './rate-limit';
import { createSubgraphFetcher } from './subgraph-fetch';
import { mountSubgraphHealth } from './subgraph-health';
import { sharedFetchesCounter } from './subgraph-shared-reads';
import { SubgraphDataSource, type GatewayContext } from './subgraph-source';

export type { GatewayContext } from './subgraph-source';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Replaces the composed URL of a subgraph by name, when set. */
  subgraphUrls: Record<string, string | undefined>;
  verifier: TokenVerifier;
  logger: Logger;
  /** Limits, rate and the subgraph client. */
  gateway: GatewaySettings;
  /** What a request may be and what answers reveal, as on every subgraph; the production edge when not given. */
  edge?: EdgeSettings;
}

/**
 * Express app with health endpoints, /metrics and /graphql behind the edge, the token check and the
 * caller's rate; limits are checked before planning; no `listen`.
 */
export async function createGateway(options: GatewayOptions): Promise<{ app: Express; stop: () => Promise<void> }> {
  const resolvedUrls = new Map<string, string>();
  const fetcher = createSubgraphFetcher(options.gateway.subgraphs);
  const metrics = createServiceMetrics('gateway');
  const { retries, deduplication } = options.gateway.subgraphs;
  const sharing = deduplication && { onShared: sharedFetchesCounter(metrics.registry) };
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url ?? '';
      resolvedUrls.set(name, target);
      return new SubgraphDataSource({ name, url: target, fetcher: fetcher.fetch, retries, deduplication: sharing, logger: options.logger });
    },
  });
  const edge = options.edge ?? DEFAULT_EDGE_SETTINGS;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: edge.introspection,
    ...operationLimits(options.gateway.limits),
    plugins: [graphqlMetricsPlugin(metrics), ApolloServerPluginLandingPageDisabled(), edgePlugin(edge)],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Ready once the supergraph is loaded and the realm's signing keys are held: a subgraph down degrades the answers that need it.
  mountHealth(app, signingKeyReadiness(options.verifier));
  mountSubgraphHealth(app, resolvedUrls);
  mountMetrics(app, metrics);
  app.use(
    '/graphql',
    countEdgeRefusals(metrics),
    browserOrigins(options.gateway.corsOrigins),
    ...acceptGraphQLRequests(edge),
    requireToken(options.verifier),
    rateLimitPerUser(options.gateway.rateLimit),
    expressMiddleware(apollo, {
      context: async ({ res }) => res.locals.gatewayContext as GatewayContext,
    }),
  );
  answerEverythingElse(app, options.logger);
  return { app, stop: () => apollo.stop().finally(() => fetcher.close()) };
}

/** Rejects a request without a valid token before any query planning; the edge answers it as GraphQL (401, reason). */
function requireToken(verifier: TokenVerifier) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const authorization = request.headers.authorization ?? '';
      const principal = await verifier.verify(authorization);
      response.locals.gatewayContext = { authorization, principal } satisfies GatewayContext;
      next();
    } catch (error) {
      next(error);
    }
  };
}
