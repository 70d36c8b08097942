import { gatewayProofHeaders } from '@ps/gateway-proof';
import { infrastructure } from './infrastructure';
import { gzipSync } from 'node:zlib';

/** A request the edge of every GraphQL server must refuse, with the status and code it must answer. */
export interface MalformedRequest {
  name: string;
  method?: string;
  /** Path instead of the GraphQL endpoint's (same origin). */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status: number;
  code: string;
}

const json = (value: unknown): string => JSON.stringify(value);
const TYPENAME = json({ query: '{ __typename }' });

/**
 * Transport and operation failures, the same for the gateway and each subgraph: malformed
 * bodies, charsets, encodings, sizes, methods, shapes and operations. `bodyLimitBytes` is the
 * server's configured limit.
 */
export function malformedRequests(bodyLimitBytes: number): MalformedRequest[] {
  const oversized = json({ query: `{ __typename }${' '.repeat(bodyLimitBytes)}` });
  return [
    { name: 'a body that is not JSON', body: '{"query": ', status: 400, code: 'BODY_NOT_JSON' },
    { name: 'a JSON string instead of an object', body: '"{ __typename }"', status: 400, code: 'BODY_NOT_JSON' },
    { name: 'charset latin1', headers: { 'content-type': 'application/json; charset=latin1' }, body: TYPENAME, status: 415, code: 'CHARSET_UNSUPPORTED' },
    { name: 'charset utf-16', headers: { 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from(TYPENAME, 'utf16le'), status: 415, code: 'CHARSET_UNSUPPORTED' },
    { name: 'an unknown content-encoding', headers: { 'content-encoding': 'zip' }, body: TYPENAME, status: 415, code: 'CONTENT_ENCODING_UNSUPPORTED' },
    { name: 'gzip that is not gzip', headers: { 'content-encoding': 'gzip' }, body: TYPENAME, status: 400, code: 'BAD_REQUEST' },
    { name: 'a body over the limit', body: oversized, status: 413, code: 'BODY_TOO_LARGE' },
    { name: 'a small gzip that inflates over the limit', headers: { 'content-encoding': 'gzip' }, body: gzipSync(oversized), status: 413, code: 'BODY_TOO_LARGE' },
    { name: 'bytes that are not UTF-8', body: Buffer.concat([Buffer.from('{"query":"{ __typename }","operationName":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), status: 400, code: 'BAD_USER_INPUT' },
    { name: 'GET', method: 'GET', status: 405, code: 'METHOD_NOT_ALLOWED' },
    { name: 'PUT', method: 'PUT', body: TYPENAME, status: 405, code: 'METHOD_NOT_ALLOWED' },
    { name: 'a form post', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D', status: 415, code: 'CONTENT_TYPE_UNSUPPORTED' },
    { name: 'text/plain', headers: { 'content-type': 'text/plain' }, body: TYPENAME, status: 415, code: 'CONTENT_TYPE_UNSUPPORTED' },
    { name: 'an HTML-only Accept', headers: { accept: 'text/html' }, body: TYPENAME, status: 406, code: 'NOT_ACCEPTABLE' },
    { name: 'a batch', body: json([{ query: '{ __typename }' }, { query: '{ __typename }' }]), status: 400, code: 'BATCH_UNSUPPORTED' },
    { name: 'an empty object', body: '{}', status: 400, code: 'QUERY_MISSING' },
    { name: 'an empty body', body: '', status: 400, code: 'QUERY_MISSING' },
    { name: 'a blank query', body: json({ query: '   ' }), status: 400, code: 'QUERY_MISSING' },
    { name: 'a query that is a number', body: json({ query: 42 }), status: 400, code: 'QUERY_MISSING' },
    { name: 'variables that are a string', body: json({ query: '{ __typename }', variables: '{}' }), status: 400, code: 'BAD_REQUEST' },
    { name: 'an operationName that is an object', body: json({ query: '{ __typename }', operationName: {} }), status: 400, code: 'BAD_REQUEST' },
    { name: 'a persisted query', body: json({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } }), status: 400, code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
    { name: 'two operations without operationName', body: json({ query: 'query A { __typename } query B { __typename }' }), status: 400, code: 'OPERATION_NAME_REQUIRED' },
    { name: 'an unknown operationName', body: json({ query: 'query A { __typename }', operationName: 'C' }), status: 400, code: 'OPERATION_NOT_FOUND' },
    { name: 'a subscription', body: json({ query: 'subscription { __typename }' }), status: 400, code: 'SUBSCRIPTION_UNSUPPORTED' },
    { name: 'a syntax error', body: json({ query: '{ __typename' }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'introspection', body: json({ query: '{ __schema { queryType { name } } }' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'a path that does not exist', method: 'GET', path: '/graphiql', status: 404, code: 'ROUTE_NOT_FOUND' },
    { name: 'POST to a path that does not exist', path: '/', body: TYPENAME, status: 404, code: 'ROUTE_NOT_FOUND' },
  ];
}

/** What came back, as the tests read it: status, content type and the raw text. */
export interface RawAnswer {
  status: number;
  contentType: string | null;
  allow: string | null;
  text: string;
}

/** Sends one malformed request to `graphqlUrl` (or its `path`), with `token` when given. */
export async function sendMalformed(graphqlUrl: string, request: MalformedRequest, token?: string): Promise<RawAnswer> {
  const url = request.path ? new URL(request.path, graphqlUrl).toString() : graphqlUrl;
  const method = request.method ?? 'POST';
  const encoded = Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'content-encoding');
  // Signed as the gateway would sign it, so that a subgraph judges the request and not the missing proof.
  const { pathname, search } = new URL(url);
  const proof = request.body !== undefined && !encoded
    ? gatewayProofHeaders(infrastructure.gatewayProofSecret, { method, path: `${pathname}${search}`, body: request.body })
    : {};
  const response = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...proof,
      ...request.headers,
    },
    body: request.body,
  });
  return { status: response.status, contentType: response.headers.get('content-type'), allow: response.headers.get('allow'), text: await response.text() };
}

/**
 * What no answer may contain: a stack frame, a file path, a library's name or its error class
 * (the issue saw `SyntaxError` stacks with absolute node_modules paths in HTML pages).
 */
export const LEAKS = /node_modules|\/work\/|\/home\/|\s+at \S+ \(|<html|<pre>|SyntaxError:|PayloadTooLarge|UnsupportedMediaType|body-parser|express|apollo|keycloak|typeorm|postgres/i;

/** A message in the house's form, "<Vietnamese> / <English>": a Vietnamese letter before the first " / ". */
export const VIETNAMESE_FIRST = /^(?:(?! \/ ).)*[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ](?:(?! \/ ).)* \/ \S/i;
