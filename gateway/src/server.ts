import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Principal, TokenVerifier } from '@ps/auth';
import { InvariantViolation } from '@ps/errors';
import {
  acceptGraphQLRequests,
  answerEverythingElse,
  DEFAULT_EDGE_SETTINGS,
  edgePlugin,
  mountHealth,
  type EdgeSettings,
  type Logger,
} from '@ps/service-kit';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createGatewayErrorFormatter } from './errors';

export interface GatewayContext {
  authorization: string;
  principal: Principal;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Replaces the composed URL of a subgraph by name, when set. */
  subgraphUrls: Record<string, string | undefined>;
  verifier: TokenVerifier;
  logger: Logger;
  /** What a request may be and what answers reveal; the production edge when not given. */
  edge?: EdgeSettings;
}

/** Forwards the caller's own bearer token, which every subgraph verifies again. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

/** Express app with health endpoints and /graphql behind the token check; no `listen`. */
export async function createGateway(options: GatewayOptions): Promise<{ app: Express; stop: () => Promise<void> }> {
  const resolvedUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (target) resolvedUrls.set(name, target);
      return new AuthenticatedDataSource({ url: target });
    },
  });
  const edge = options.edge ?? DEFAULT_EDGE_SETTINGS;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: edge.introspection,
    plugins: [ApolloServerPluginLandingPageDisabled(), edgePlugin(edge)],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  mountHealth(app, [...resolvedUrls].map(([name, url]) => ({ name, check: () => subgraphReady(url) })));
  app.use(
    '/graphql',
    ...acceptGraphQLRequests(edge),
    requireToken(options.verifier),
    expressMiddleware(apollo, {
      context: async ({ res }) => res.locals.gatewayContext as GatewayContext,
    }),
  );
  answerEverythingElse(app, options.logger);
  return { app, stop: () => apollo.stop() };
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

async function subgraphReady(graphqlUrl: string): Promise<void> {
  const response = await fetch(new URL('/health/ready', graphqlUrl));
  if (!response.ok) throw new InvariantViolation(`${graphqlUrl} answered ${response.status}`);
}
