import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKeycloakVerifier, type Principal, type TokenVerifier } from '@ps/auth';
import { DEFAULT_EDGE_SETTINGS, createLogger, listen } from '@ps/service-kit';
import { LEAKS, VIETNAMESE_FIRST, malformedRequests, sendMalformed } from '@ps/testing';
import { defaultGateway } from './gateway.spec-support';
import { createGateway } from './server';
import { committedSupergraph } from './subgraphs';

/**
 * The gateway behind the shared edge, on a free port and the committed supergraph: every
 * request here is refused before planning, so no subgraph is needed.
 */
const PRINCIPAL: Principal = { userId: 'u1', username: 'admin.dautieng', role: 'district-admin', tier: 'DISTRICT', capability: 'admin', unitCode: '720', roles: [], body: null };
const keycloak = createKeycloakVerifier({ url: 'http://127.0.0.1:9', realm: 'political-system', clientId: 'platform-api' });
const verifier: TokenVerifier = { verify: async (authorization) => (authorization === 'Bearer good' ? PRINCIPAL : keycloak.verify(authorization)) };
const edge = { ...DEFAULT_EDGE_SETTINGS, bodyLimitBytes: 8192 };

let server: Server;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const gateway = await createGateway({ supergraphSdl: committedSupergraph(), subgraphUrls: {}, verifier, logger: createLogger('gateway-test', 'silent'), gateway: defaultGateway(), edge });
  stop = gateway.stop;
  server = await listen(gateway.app, 0, { host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stop();
});

const ask = async (body: unknown, authorization = 'Bearer good') => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, error: (JSON.parse(text) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> }).errors[0] };
};

it.each(malformedRequests(edge.bodyLimitBytes).map((request) => [request.name, request.status, request.code, request] as const))(
  'answers %s with %i %s as JSON, Vietnamese first, nothing leaked',
  async (_name, status, code, request) => {
    const answer = await sendMalformed(url, request, 'good');
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    const [error] = (JSON.parse(answer.text) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors;
    expect(error.extensions.code).toBe(code);
    expect(error.message).toMatch(VIETNAMESE_FIRST);
    expect(answer.text).not.toMatch(LEAKS);
  },
);

it.each([
  ['no token', '', 'TOKEN_MISSING'],
  ['another scheme', 'Basic YWRtaW46YWRtaW4=', 'TOKEN_MALFORMED'],
  ['an unsigned token', `Bearer ${Buffer.from('{"alg":"none","kid":"k"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`, 'TOKEN_SIGNATURE'],
])('answers %s with 401 and its reason', async (_case, authorization, reason) => {
  const { status, error, text } = await ask({ query: '{ __typename }' }, authorization);
  expect(status).toBe(401);
  expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', details: { reason } });
  expect(error.message).toMatch(VIETNAMESE_FIRST);
  expect(text).not.toMatch(LEAKS);
});

it('refuses introspection and suggests no field', async () => {
  expect((await ask({ query: '{ __schema { types { name } } }' })).error.message).toBe(
    'Truy vấn cấu trúc lược đồ (introspection) đang tắt / Introspection is disabled',
  );
  const suggestion = await ask({ query: '{ unitt(code: "720") { name } }' });
  expect(suggestion.error.message).toBe('Truy vấn không khớp với lược đồ / Cannot query field "unitt" on type "Query".');
});

it('refuses a bad date before planning with BAD_USER_INPUT and its reason, as a variable or as a literal', async () => {
  const variable = await ask({ query: 'query ($asOf: LocalDate) { unit(code: "720", asOf: $asOf) { name } }', variables: { asOf: '2025-13-45' } });
  expect(variable.status).toBe(400);
  expect(variable.error).toMatchObject({
    message: 'Ngày không hợp lệ: cần một ngày có thật, viết dạng YYYY-MM-DD / Invalid date: expected a real calendar day written YYYY-MM-DD',
    extensions: { code: 'BAD_USER_INPUT', details: { reason: 'DATE_INVALID' } },
  });
  const literal = await ask({ query: '{ unit(code: "720", asOf: "0000-01-01") { name } }' });
  expect(literal.status).toBe(400);
  expect(literal.error).toMatchObject({
    message: 'Ngày phải nằm trong khoảng 1945-09-02 đến 2100-12-31 / Date must lie between 1945-09-02 and 2100-12-31',
    extensions: { code: 'BAD_USER_INPUT', details: { reason: 'DATE_OUT_OF_RANGE' } },
  });
});

it('refuses a NUL in a unit code before planning', async () => {
  const { status, error } = await ask({ query: 'query ($code: ID!) { unit(code: $code) { name } }', variables: { code: '25801\u0000' } });
  expect(status).toBe(400);
  expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', details: { reason: 'TEXT_NUL', where: '$code' } });
});
