import { performance } from 'node:perf_hooks';
import type { Express, RequestHandler } from 'express';
import { refusalCode } from '../edge/edge.http';
import type { ServiceMetrics } from './metrics.registry';

/**
 * `GET /metrics`: the registry in Prometheus text format. Outside `/graphql`, so neither the
 * gateway's proof nor a token is asked; it reveals counts and timings only. Operators keep it
 * off the public route (the HTTPRoute exposes `/graphql` only).
 */
export function mountMetrics(app: Express, metrics: ServiceMetrics): void {
  app.get('/metrics', async (_request, response, next) => {
    try {
      const text = await metrics.registry.metrics();
      response.set('content-type', metrics.registry.contentType).set('cache-control', 'no-store').end(text);
    } catch (error) {
      next(error);
    }
  });
}

/**
 * First on `/graphql`: a request the edge refused before Apollo saw it (a malformed body, a
 * missing gateway proof, a refused token, a caller over its rate) counts as an error with the
 * code it was answered with; the requests Apollo answers are counted by `graphqlMetricsPlugin`.
 */
export function countEdgeRefusals(metrics: ServiceMetrics): RequestHandler {
  return (_request, response, next) => {
    const started = performance.now();
    response.once('finish', () => {
      const code = refusalCode(response);
      if (code !== undefined) metrics.recordRequest((performance.now() - started) / 1000, [code]);
    });
    next();
  };
}
