import { gatewayProofHeaders } from '@ps/gateway-proof';
import { infrastructure } from './infrastructure';

/** What a GraphQL endpoint answered, with the HTTP status beside it. */
export interface GraphQLResponse<Data> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface GraphQLRequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  /**
   * Sign as the gateway does, so a subgraph called directly accepts the request (default: when a
   * secret is configured, which the test environment always is); `false` calls as an outsider.
   */
  gatewayProof?: boolean;
}

/** POSTs one operation to a GraphQL endpoint, with a bearer token when given and the gateway's proof. */
export async function graphqlRequest<Data = Record<string, unknown>>(
  url: string,
  query: string,
  options: GraphQLRequestOptions = {},
): Promise<GraphQLResponse<Data>> {
  const payload = JSON.stringify({ query, variables: options.variables ?? {} });
  const secret = infrastructure.gatewayProofSecret;
  const { pathname, search } = new URL(url);
  const proof = options.gatewayProof !== false && secret
    ? gatewayProofHeaders(secret, { method: 'POST', path: `${pathname}${search}`, body: payload })
    : {};
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...proof,
    },
    body: payload,
  });
  const text = await response.text();
  let body: Omit<GraphQLResponse<Data>, 'status'>;
  try {
    body = JSON.parse(text) as Omit<GraphQLResponse<Data>, 'status'>;
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, ...body };
}

/** Error codes of a response, for compact assertions. */
export function errorCodes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.code ?? 'NONE'));
}

/**
 * Asks a subgraph for entities by key, as the gateway's query planner does
 * (`_entities(representations: …)`), selecting `selection` on `typename`.
 */
export async function queryEntities<Entity = Record<string, unknown>>(
  url: string,
  typename: string,
  keys: Array<Record<string, unknown>>,
  selection: string,
  token: string,
): Promise<GraphQLResponse<{ _entities: Entity[] }>> {
  return graphqlRequest<{ _entities: Entity[] }>(
    url,
    `query ($keys: [_Any!]!) { _entities(representations: $keys) { ... on ${typename} { ${selection} } } }`,
    { token, variables: { keys: keys.map((key) => ({ __typename: typename, ...key })) } },
  );
}
