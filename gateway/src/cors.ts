import cors from 'cors';
import type { RequestHandler } from 'express';
import { z } from 'zod';

/** How long a browser may reuse a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * `CORS_ALLOWED_ORIGINS`: the exact origins of the browser apps allowed to call the gateway (the
 * console's, per environment), comma-separated; none by default. An origin is a scheme, a host
 * and a port if not the default — no path, no wildcard — exactly as the browser sends it.
 */
export const corsOriginsShape = z
  .string()
  .default('')
  .transform((list) => list.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
  .pipe(z.array(z.string().refine(isExactOrigin, { message: 'each origin is scheme://host[:port], nothing more (no path, no wildcard, no trailing slash)' })));

function isExactOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin;
  } catch {
    return false;
  }
}

/**
 * CORS for the listed origins only, mounted before anything else on `/graphql`: a preflight from
 * one of them is answered here, before the token check (browsers send none with it), and every
 * answer to them — refusals included — carries the headers that let the page read it. Requests
 * from other origins get no CORS headers (the browser withholds the answer), and their preflight
 * goes on to the edge, which refuses OPTIONS.
 */
export function browserOrigins(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, answer) => answer(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['POST'],
    allowedHeaders: ['authorization', 'content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['retry-after'],
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
