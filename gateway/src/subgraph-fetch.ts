import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { gatewayProofHeaders } from '@ps/gateway-proof';
import { Agent, fetch } from 'undici';
import type { SubgraphClientSettings } from './config';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** The gateway's HTTP client towards the subgraphs, closed with the gateway. */
export interface SubgraphFetcher {
  fetch: Fetcher;
  close: () => Promise<void>;
}

/**
 * Fetch over one undici pool per subgraph origin that drops idle connections before the
 * subgraphs do (their keep-alive is longer), and signs every request with the gateway's proof.
 */
export function createSubgraphFetcher(settings: SubgraphClientSettings): SubgraphFetcher {
  const agent = new Agent({
    keepAliveTimeout: settings.keepAliveMs,
    keepAliveMaxTimeout: settings.keepAliveMs,
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
    connect: { timeout: Math.min(settings.timeoutMs, 10_000) },
  });
  const signedFetch: Fetcher = async (url, init = {}) => {
    const { pathname, search } = new URL(url);
    const method = init.method ?? 'GET';
    const proof = gatewayProofHeaders(settings.proofSecret, { method, path: `${pathname}${search}`, body: init.body ?? '' });
    const response = await fetch(url, { method, body: init.body, headers: { ...init.headers, ...proof }, dispatcher: agent });
    return response as unknown as Awaited<ReturnType<Fetcher>>;
  };
  return { fetch: signedFetch, close: () => agent.close() };
}
