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
import { keepRawBody, requireGatewayProof } from './gateway-proof';
import { mountHealth, type ReadinessCheck } from './health';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  schema: GraphQLSchema;
  logger: Logger;
  /** Builds the per-request context; throwing a typed error (e.g. 401) ends the request. */
  context: (request: Request) => Promise<TContext>;
  readiness?: ReadinessCheck[];
  /** Secret shared with the gateway; /graphql refuses requests without its proof. */
  gatewayProofSecret: string;
}

export interface SubgraphServer<TContext extends BaseContext> {
  app: Express;
  apollo: ApolloServer<TContext>;
}

/**
 * Apollo subgraph on express with health endpoints; no `listen` here, so tests drive the app
 * directly and `main.ts` decides the port.
 */
export async function createSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<SubgraphServer<TContext>> {
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  mountHealth(app, options.readiness ?? []);
  app.use(
    '/graphql',
    express.json({ limit: '1mb', verify: keepRawBody }),
    requireGatewayProof(options.gatewayProofSecret),
    expressMiddleware(apollo, { context: async ({ req }) => options.context(req) }),
  );
  return { app, apollo };
}
