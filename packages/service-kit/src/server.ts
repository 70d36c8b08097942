import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createErrorFormatter } from '@ps/errors';
import { requireGatewayProof } from './gateway-proof';
import { acceptGraphQLRequests, answerEverythingElse } from './edge/edge.http';
import { edgePlugin } from './edge/edge.plugin';
import { DEFAULT_EDGE_SETTINGS, type EdgeSettings } from './edge/edge.settings';
import { mountHealth, type ReadinessCheck } from './health';
import { countEdgeRefusals, graphqlMetricsPlugin, mountMetrics, type ServiceMetrics } from './metrics';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  schema: GraphQLSchema;
  logger: Logger;
  /** Builds the per-request context; throwing a typed error (e.g. 401) ends the request. */
  context: (request: Request) => Promise<TContext>;
  readiness?: ReadinessCheck[];
  /** Secret shared with the gateway; /graphql refuses requests without its proof. */
  gatewayProofSecret: string;
  /** What a request may be and what answers reveal; the production edge when not given. */
  edge?: EdgeSettings;
  /** Counts the requests and serves `GET /metrics`; no metrics when not given. */
  metrics?: ServiceMetrics;
}

/**
 * The most tokens a subgraph parses in one document. Clients reach a subgraph only through the
 * gateway, which stops their documents at 2,000 tokens and bounds depth, aliases and cost before
 * planning; its fetches stay far below this. The ceiling keeps a signed document that escaped
 * those limits (a gateway misconfigured, a leaked proof secret) from holding a subgraph busy for
 * minutes: 80,000 repeated fields once took 143 s to validate here.
 */
export const SUBGRAPH_MAX_TOKENS = 50_000;

export interface SubgraphServer<TContext extends BaseContext> {
  app: Express;
  apollo: ApolloServer<TContext>;
}

/**
 * Apollo subgraph on express with health endpoints, behind the edge (malformed requests
 * answered as GraphQL errors, introspection off unless configured); no `listen` here, so
 * tests drive the app directly and `main.ts` decides the port.
 */
export async function createSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<SubgraphServer<TContext>> {
  const edge = options.edge ?? DEFAULT_EDGE_SETTINGS;
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: edge.introspection,
    parseOptions: { maxTokens: SUBGRAPH_MAX_TOKENS },
    plugins: [
      ...(options.metrics ? [graphqlMetricsPlugin(options.metrics)] : []),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      edgePlugin(edge),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  mountHealth(app, options.readiness ?? []);
  if (options.metrics) mountMetrics(app, options.metrics);
  app.use(
    '/graphql',
    ...(options.metrics ? [countEdgeRefusals(options.metrics)] : []),
    ...acceptGraphQLRequests(edge),
    requireGatewayProof(options.gatewayProofSecret),
    expressMiddleware(apollo, { context: async ({ req }) => options.context(req) }),
  );
  answerEverythingElse(app, options.logger);
  return { app, apollo };
}
