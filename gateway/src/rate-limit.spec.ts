import type { NextFunction, Request, Response } from 'express';
import { RateLimitedError } from './errors';
import { rateLimitPerUser } from './rate-limit';

/** Runs the middleware for a caller and answers what it passed on: nothing (allowed) or the refusal. */
function caller(limit: ReturnType<typeof rateLimitPerUser>, username: string) {
  const response = { locals: { gatewayContext: { principal: { userId: `id-${username}`, username } } }, setHeader: () => undefined } as unknown as Response;
  return new Promise<unknown>((resolve) => void limit({} as Request, response, ((error?: unknown) => resolve(error)) as NextFunction));
}

describe('rateLimitPerUser', () => {
  it('gives a client app its own, smaller budget, and people theirs', async () => {
    const limit = rateLimitPerUser({ requests: 5, appRequests: 2, windowSeconds: 60 });
    const app = 'service-account-app-25807-0a1b2c3d';
    expect(await caller(limit, app)).toBeUndefined();
    expect(await caller(limit, app)).toBeUndefined();
    expect(await caller(limit, app)).toBeInstanceOf(RateLimitedError);
    for (let request = 0; request < 5; request += 1) expect(await caller(limit, 'admin.thanhan')).toBeUndefined();
    expect(await caller(limit, 'admin.thanhan')).toBeInstanceOf(RateLimitedError);
    // The platform's own service accounts are not apps: they count as people.
    expect(await caller(limit, 'service-account-platform-api')).toBeUndefined();
  });
});
