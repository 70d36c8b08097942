import { graphqlRequest, tokenFor, type GraphQLResponse } from '@ps/testing';
import { gatewayUrl } from '../platform';

/** Codes of answers a fault caused (a subgraph away, a dropped connection): asking again may help; any other code is a decision. */
const FAULT_CODES = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

/** A call the platform did not answer while a fault lasted, even after asking again. */
export class UnansweredCall extends Error {
  constructor(readonly operation: string, readonly lastAnswer: string) {
    super(`${operation} not answered during the faults: ${lastAnswer}`);
    this.name = 'UnansweredCall';
  }
}

/** A call the platform refused on its merits (a domain error), which the flow cannot get past. */
export class RefusedCall extends Error {
  constructor(readonly operation: string, readonly answer: string) {
    super(`${operation} refused: ${answer}`);
    this.name = 'RefusedCall';
  }
}

/** How a faulted call is asked again: a killed service needs a restart, a broker a minute at most. */
const RETRIES = 24;
const RETRY_DELAY_MS = 2500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first error's code, or the transport's failure. */
function describe(answer: GraphQLResponse<unknown> | Error): string {
  if (answer instanceof Error) return `${answer.name}: ${answer.message}`;
  const [first] = answer.errors ?? [];
  return `${String(first?.extensions?.code ?? answer.status)} ${first?.message ?? ''}`.trim();
}

function decided(answer: GraphQLResponse<unknown>, waitingFor: boolean): boolean {
  const code = answer.errors?.[0]?.extensions?.code;
  return answer.status < 500 && typeof code === 'string' && !FAULT_CODES.has(code) && !(waitingFor && code === 'NOT_FOUND');
}

/** How a step is asked: once (a trigger, unsafe to repeat), or again while what it names is still on its way to the service. */
export interface CallOptions {
  once?: boolean;
  /** The step names what another service announced (a unit, an organization): NOT_FOUND means not projected yet. */
  awaitsProjection?: boolean;
}

/**
 * One operation through the gateway as `username`, asked again while a fault keeps it
 * unanswered (a service down, a connection dropped, the broker away). A step that is not safe
 * to repeat passes `once`: it is asked once and its fate read from the databases instead.
 */
export async function call<Data>(username: string, operation: string, query: string, variables: Record<string, unknown>, options: CallOptions = {}): Promise<Data> {
  let last: GraphQLResponse<unknown> | Error = new Error('not asked');
  for (let attempt = 0; attempt < (options.once ? 1 : RETRIES); attempt += 1) {
    if (attempt > 0) await sleep(RETRY_DELAY_MS);
    try {
      const answer = await graphqlRequest<Data>(gatewayUrl, query, { token: await tokenFor(username), variables });
      if (!answer.errors && answer.data) return answer.data;
      if (decided(answer, options.awaitsProjection === true)) throw new RefusedCall(operation, describe(answer));
      last = answer;
    } catch (error) {
      if (error instanceof RefusedCall) throw error;
      last = error as Error;
    }
  }
  throw new UnansweredCall(operation, describe(last));
}
