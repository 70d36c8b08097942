import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Principal } from '@ps/auth';
import { GATEWAY_PROOF_REQUIRED } from '@ps/gateway-proof';
import type { Logger } from '@ps/service-kit';
import { GraphQLError, Kind, OperationTypeNode, parse, type GraphQLFormattedError } from 'graphql';
import { ServiceUnavailableError } from './errors';
import { SHAREABLE_READ_HEADER, shareInFlightReads } from './subgraph-shared-reads';

export interface GatewayContext {
  authorization: string;
  principal: Principal;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** Codes errors on the way to a subgraph carry when the connection, not the subgraph, failed. */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);
/** A connection that was open and died under the request: the reused-socket race. */
const RESETS = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** The subgraph answered 4xx with GraphQL errors of its own (bad input, validation, refusals). */
class SubgraphRefusal extends GraphQLError {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super('subgraph refused the request');
  }
}

class SubgraphUnavailable extends GraphQLError {}

/** The `code` of an error or of any error in its `cause` chain (duck-typed: errors from Node's sockets may come from another realm). */
export function failureCode(error: unknown): string | undefined {
  let current = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: Array<{ code?: unknown }> } | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const code = current.code ?? current.errors?.[0]?.code;
    if (typeof code === 'string') return code;
    if (/socket hang up|other side closed/i.test(String(current.message))) return 'ECONNRESET';
    current = current.cause as typeof current;
  }
  return undefined;
}

/**
 * Whether a subgraph fetch only reads. Every fetch planned for an incoming query is a query, known
 * without parsing; a mutation's fetches (its entity fetches are queries) are parsed.
 */
export function isQuery(options: ProcessOptions): boolean {
  if ('incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === OperationTypeNode.QUERY) return true;
  if (!options.request.query) return false;
  // The planner's fetch nodes carry the text, not always the document.
  const document = ('document' in options ? options.document : undefined) ?? parse(options.request.query);
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operations.length === 1 && operations[0].operation === OperationTypeNode.QUERY;
}

/** Only reads are retried: a mutation whose connection died may have run. */
export function isRetriable(options: ProcessOptions, error: unknown): boolean {
  return RESETS.has(failureCode(error) ?? '') && isQuery(options);
}

const hasErrors = (body: unknown): body is { errors: GraphQLFormattedError[] } =>
  typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors);

/** One subgraph and how the gateway reaches it. */
export interface SubgraphClient {
  name: string;
  url: string;
  fetcher: RemoteGraphQLDataSource['fetcher'];
  retries: number;
  /** Identical reads in flight at once share one request; `onShared` counts each fetch that joined one. */
  deduplication: false | { onShared: (subgraph: string) => void };
  logger: Logger;
}

/**
 * One subgraph as the gateway calls it: the caller's token forwarded, a query retried on a reset
 * connection and shared with identical ones in flight, its client errors passed on with their codes,
 * and the subgraph being unreachable answered as SERVICE_UNAVAILABLE for its fields only.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: SubgraphClient) {
    const { deduplication, fetcher, name, url } = subgraph;
    super({ url, fetcher: deduplication ? shareInFlightReads(fetcher, () => deduplication.onShared(name)) : fetcher });
  }

  override willSendRequest(options: ProcessOptions): void {
    const headers = options.request.http?.headers;
    if (options.context.authorization) headers?.set('authorization', options.context.authorization);
    if (this.subgraph.deduplication && isQuery(options)) headers?.set(SHAREABLE_READ_HEADER, '1');
  }

  override async process(options: ProcessOptions): Promise<SubgraphResponse> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await super.process(options);
      } catch (error) {
        if (attempt < this.subgraph.retries && isRetriable(options, error)) {
          this.subgraph.logger.warn({ subgraph: this.subgraph.name, attempt, code: failureCode(error) }, 'query retried on a reset connection');
          continue;
        }
        return this.answerFor(error);
      }
    }
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response).catch(() => undefined);
    if (response.status >= 400 && response.status < 500 && hasErrors(body)) return new SubgraphRefusal(body.errors);
    if (UNAVAILABLE_STATUSES.has(response.status)) return new SubgraphUnavailable(`${this.subgraph.name} answered ${response.status}`);
    return new GraphQLError(`${this.subgraph.name} answered ${response.status} ${response.statusText}`);
  }

  /** What the gateway merges into the answer instead of the subgraph's data; unknown failures are rethrown (masked). */
  private answerFor(error: unknown): SubgraphResponse {
    if (error instanceof SubgraphRefusal) {
      if (!error.errors.some((e) => e.extensions?.code === GATEWAY_PROOF_REQUIRED)) return { errors: error.errors };
      this.subgraph.logger.error({ subgraph: this.subgraph.name }, 'subgraph refused the gateway proof: is GATEWAY_PROOF_SECRET the same on both sides?');
    }
    if (error instanceof SubgraphUnavailable || CONNECTION_FAILURES.has(failureCode(error) ?? '')) {
      this.subgraph.logger.warn({ subgraph: this.subgraph.name, err: error }, 'subgraph unavailable');
      const { message, extensions } = new ServiceUnavailableError(this.subgraph.name);
      return { errors: [{ message, extensions: { code: extensions.code, details: extensions.details } }] };
    }
    throw error;
  }
}
