import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors';
import type { GatewayContext } from './subgraph-source';

export interface RateLimitSettings {
  /** Per person (a user's token). */
  requests: number;
  /** Per client app (the service account of a registered app: its username `service-account-app-…`). */
  appRequests?: number;
  windowSeconds: number;
}

/** A registered client app's own account, as Keycloak names a client's service account. */
const CLIENT_APP_ACCOUNT = /^service-account-app-/;

/**
 * Per-caller rate limit, keyed by the token's subject, after the token check; a client app has
 * its own budget. Counters live in this process: with N gateway replicas behind a Service a
 * caller gets up to N times the rate.
 */
export function rateLimitPerUser(settings: RateLimitSettings) {
  const people = new RateLimiterMemory({ points: settings.requests, duration: settings.windowSeconds });
  const apps = new RateLimiterMemory({ points: settings.appRequests ?? settings.requests, duration: settings.windowSeconds });
  return async (_request: Request, response: Response, next: NextFunction): Promise<void> => {
    const { principal } = response.locals.gatewayContext as GatewayContext;
    const limiter = CLIENT_APP_ACCOUNT.test(principal.username) ? apps : people;
    try {
      await limiter.consume(principal.userId || principal.username);
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      response.setHeader('Retry-After', String(retryAfterSeconds));
      next(new RateLimitedError(retryAfterSeconds)); // answered as GraphQL JSON, 429, by the edge
    }
  };
}
