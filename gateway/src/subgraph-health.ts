import type { Express } from 'express';

const PROBE_TIMEOUT_MS = 2000;

async function probe(graphqlUrl: string): Promise<'up' | 'down'> {
  try {
    const response = await fetch(new URL('/health/ready', graphqlUrl), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return response.ok ? 'up' : 'down';
  } catch {
    return 'down';
  }
}

/**
 * `GET /health/subgraphs`: each subgraph's state. Informational: a subgraph down degrades the
 * answers that need it, not the gateway's readiness.
 */
export function mountSubgraphHealth(app: Express, subgraphUrls: ReadonlyMap<string, string>): void {
  app.get('/health/subgraphs', async (_request, response) => {
    const subgraphs = await Promise.all([...subgraphUrls].map(async ([name, url]) => ({ name, state: await probe(url) })));
    const status = subgraphs.every((subgraph) => subgraph.state === 'up') ? 'ok' : 'degraded';
    response.json({ status, subgraphs });
  });
}
