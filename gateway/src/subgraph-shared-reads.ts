import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Counter, type Registry } from 'prom-client';
import { Headers } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * Set by the data source on a fetch it knows to be a read (the fetcher sees only the serialized
 * body); taken off before the request leaves, so a subgraph never sees it.
 */
export const SHAREABLE_READ_HEADER = 'x-ps-shareable-read';

/** A settled subgraph answer as bytes: every waiter reads its own response from it. */
interface Exchange {
  url: string;
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
}

async function exchangeOf(pending: Promise<FetcherResponse>): Promise<Exchange> {
  const response = await pending;
  const { url, status, statusText } = response;
  return { url, status, statusText, headers: [...response.headers], body: await response.text() };
}

/**
 * One waiter's response over the shared bytes. `json()` parses objects of the waiter's own: Apollo's
 * executor writes into what a fetch returns (rewrites, `__typename`, merged entities). Plain parsing,
 * no stream: an undici `Response` per waiter would double the cost of reading a read nobody shared.
 */
class SharedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly headers: Headers;
  private read = false;

  constructor(private readonly exchange: Exchange) {
    this.headers = new Headers(exchange.headers);
  }

  get url() { return this.exchange.url; }
  get status() { return this.exchange.status; }
  get statusText() { return this.exchange.statusText; }
  get ok() { return this.exchange.status >= 200 && this.exchange.status < 300; }
  get bodyUsed() { return this.read; }

  async text(): Promise<string> {
    this.read = true;
    return this.exchange.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = new TextEncoder().encode(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  clone(): SharedResponse {
    return new SharedResponse(this.exchange);
  }
}

/**
 * Sends a read marked with {@link SHAREABLE_READ_HEADER} once while an identical one is in flight:
 * same URL, same headers (the caller's `authorization` among them: one caller's answer never
 * reaches another) and same body. Each waiter gets its own response, or the same failure; the
 * shared request is forgotten once it settles. Unmarked requests pass through untouched.
 */
export function shareInFlightReads(fetch: Fetcher, onShared: () => void): Fetcher {
  const inFlight = new Map<string, Promise<Exchange>>();
  return async (url, init = {}) => {
    const { [SHAREABLE_READ_HEADER]: shareable, ...headers } = init.headers ?? {};
    if (shareable === undefined) return fetch(url, init);
    const key = `${url}\n${JSON.stringify(headers)}\n${String(init.body)}`;
    let exchange = inFlight.get(key);
    if (exchange) {
      onShared();
    } else {
      // Deleted before any waiter resumes: a fetch that starts after the answer is a new request.
      exchange = exchangeOf(fetch(url, { ...init, headers })).finally(() => inFlight.delete(key));
      inFlight.set(key, exchange);
    }
    return new SharedResponse(await exchange);
  };
}

/** `ps_gateway_subgraph_fetches_shared_total{subgraph}`: fetches answered by an identical one in flight instead of a request of their own. */
export function sharedFetchesCounter(registry: Registry): (subgraph: string) => void {
  const shared = new Counter({
    name: 'ps_gateway_subgraph_fetches_shared_total',
    help: 'Subgraph fetches that joined an identical read in flight instead of sending a request.',
    labelNames: ['subgraph'],
    registers: [registry],
  });
  return (subgraph) => shared.inc({ subgraph });
}
