import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Principal, TokenVerifier } from '@ps/auth';
import { DomainError, InvariantViolation } from '@ps/errors';
import { mountHealth, type Logger } from '@ps/service-kit';
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
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  mountHealth(app, [...resolvedUrls].map(([name, url]) => ({ name, check: () => subgraphReady(url) })));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    requireToken(options.verifier),
    expressMiddleware(apollo, {
      context: async ({ res }) => res.locals.gatewayContext as GatewayContext,
    }),
  );
  return { app, stop: () => apollo.stop() };
}

/** Rejects a request without a valid token before any query planning, with a GraphQL-shaped body. */
function requireToken(verifier: TokenVerifier) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      const authorization = request.headers.authorization ?? '';
      const principal = await verifier.verify(authorization);
      response.locals.gatewayContext = { authorization, principal } satisfies GatewayContext;
      next();
    } catch (error) {
      if (!(error instanceof DomainError)) return next(error);
      const status = Number((error.extensions.http as { status?: number } | undefined)?.status ?? 401);
      response.status(status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
    }
  };
}

async function subgraphReady(graphqlUrl: string): Promise<void> {
  const response = await fetch(new URL('/health/ready', graphqlUrl));
  if (!response.ok) throw new InvariantViolation(`${graphqlUrl} answered ${response.status}`);
}
