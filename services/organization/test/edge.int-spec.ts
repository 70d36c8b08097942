import { connect } from 'node:net';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import {
  DEMO_USERS,
  LEAKS,
  VIETNAMESE_FIRST,
  WRITE_TRAIL_TABLES,
  changeOn,
  graphqlRequest,
  malformedRequests,
  recreateTestDatabase,
  rowCounts,
  sendMalformed,
  serviceTestEnv,
  tokenFor,
} from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';

/**
 * The edge of a real subgraph (started as `npm start` starts it, against PostgreSQL, Kafka
 * and Keycloak): malformed requests, dates, strings, tokens and keep-alive, each answered
 * 4xx as JSON with a stable code, before any resolver or SQL runs.
 */
const BODY_LIMIT = 65_536;
const env = loadEnv(serviceEnvSchema, {
  ...serviceTestEnv('organization', 'ps_organization_edge_test'),
  REQUEST_BODY_LIMIT_BYTES: String(BODY_LIMIT),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: '1500',
});
let service: RunningService;
let token: string;

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
  token = await tokenFor(DEMO_USERS.districtAdmin);
});

afterAll(() => service?.stop());

const ask = (query: string, variables: Record<string, unknown> = {}) => graphqlRequest(service.url, query, { token, variables });
const firstError = (response: Awaited<ReturnType<typeof ask>>) => {
  const error = response.errors?.[0];
  return { message: error?.message ?? '', extensions: error?.extensions ?? {} };
};
const writes = () => rowCounts((sql) => service.dataSource.query(sql), ['organization', ...WRITE_TRAIL_TABLES]);

describe('malformed requests', () => {
  it.each(malformedRequests(BODY_LIMIT).map((request) => [request.name, request.status, request.code, request] as const))(
    'answers %s with %i %s as JSON, Vietnamese first, nothing leaked',
    async (_name, status, code, request) => {
      const answer = await sendMalformed(service.url, request, token);
      expect(answer.status).toBe(status);
      expect(answer.contentType).toMatch(/^application\/(graphql-response\+)?json/);
      const [error] = (JSON.parse(answer.text) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors;
      expect(error.extensions.code).toBe(code);
      expect(error.message).toMatch(VIETNAMESE_FIRST);
      expect(answer.text).not.toMatch(LEAKS);
    },
  );
});

describe('dates', () => {
  const UNIT_ON = 'query ($asOf: LocalDate) { unit(code: "720", asOf: $asOf) { name } }';

  it.each([
    ['2025-13-45', 'DATE_INVALID'],
    ['abc', 'DATE_INVALID'],
    ['99999-01-01', 'DATE_INVALID'],
    ['2025-02-29', 'DATE_INVALID'],
    ['', 'DATE_INVALID'],
    [20250101, 'DATE_INVALID'],
    ['0000-01-01', 'DATE_OUT_OF_RANGE'],
    ['2101-01-01', 'DATE_OUT_OF_RANGE'],
  ])('refuses asOf %j with 400 BAD_USER_INPUT (%s), as a variable and as a literal', async (asOf, reason) => {
    const literal = `{ unit(code: "720", asOf: ${JSON.stringify(asOf)}) { name } }`;
    for (const response of [await ask(UNIT_ON, { asOf }), await ask(literal)]) {
      expect(response.status).toBe(400);
      expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason } });
      expect(firstError(response).message).toMatch(VIETNAMESE_FIRST);
    }
  });

  it('answers a real date in range', async () => {
    expect(await ask(UNIT_ON, { asOf: '2024-02-29' })).toMatchObject({ status: 200, data: { unit: { name: 'Huyện Dầu Tiếng' } } });
  });

  it('refuses a bad effectiveDate of a change, and nothing is written', async () => {
    const before = await writes();
    const response = await ask('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { unitCode: '25801', kind: 'DEPARTMENT', name: 'Phòng thử', change: changeOn('2025-02-30') },
    });
    expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'DATE_INVALID' } });
    expect(await writes()).toEqual(before);
  });
});

describe('strings', () => {
  const UNIT = 'query ($code: ID!) { unit(code: $code) { name } }';

  it.each([
    ['a NUL in a variable', UNIT, { code: '25801\u0000' }, { reason: 'TEXT_NUL', where: '$code' }],
    ['a NUL written as an escape in a literal', '{ unit(code: "25801\\u0000") { name } }', {}, { reason: 'TEXT_NUL' }],
    ['a lone surrogate', UNIT, { code: '25801\uD800' }, { reason: 'TEXT_INVALID_UNICODE', where: '$code' }],
    ['10,001 characters', UNIT, { code: 'x'.repeat(10_001) }, { reason: 'TEXT_TOO_LONG', maxLength: 10_000 }],
  ])('refuses %s with 400 BAD_USER_INPUT, never reaching PostgreSQL', async (_case, query, variables, details) => {
    const response = await ask(query, variables);
    expect(response.status).toBe(400);
    expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', details });
    expect(firstError(response).message).toMatch(VIETNAMESE_FIRST);
  });

  it('lets 10,000 characters through the edge (the unit is simply absent)', async () => {
    expect(await ask(UNIT, { code: 'x'.repeat(10_000) })).toMatchObject({ status: 200, data: { unit: null } });
  });

  it('refuses a NUL deep in a mutation input, and nothing is written', async () => {
    const before = await writes();
    const response = await ask('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { unitCode: '25801', kind: 'DEPARTMENT', name: 'Phòng\u0000thử', change: changeOn('2025-04-01') },
    });
    expect(firstError(response).extensions).toEqual({ code: 'BAD_USER_INPUT', details: { reason: 'TEXT_NUL', where: '$input.name' } });
    expect(await writes()).toEqual(before);
  });
});

describe('what the schema reveals', () => {
  it('refuses introspection and suggests no field', async () => {
    expect(firstError(await ask('{ __schema { queryType { name } } }')).message).toBe(
      'Truy vấn cấu trúc lược đồ (introspection) đang tắt / Introspection is disabled',
    );
    const misspelt = await ask('{ unit(code: "720") { nam } }');
    expect(firstError(misspelt).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(firstError(misspelt).message).not.toMatch(/Did you mean|"name"/);
  });
});

describe('tokens, against the real Keycloak', () => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  // The demo token is fetched in beforeAll; its parts are read when each case runs.
  const claims = () => token.split('.')[1];
  const signature = () => token.split('.')[2];
  const header = () => token.split('.')[0];

  it.each([
    ['no token', 'TOKEN_MISSING', () => undefined],
    ['a token that is not a JWT', 'TOKEN_MALFORMED', () => 'not-a-jwt'],
    ['a real token with a forged signature', 'TOKEN_SIGNATURE', () => `${header()}.${claims()}.${signature().split('').reverse().join('')}`],
    ['a real token under an unknown key id', 'TOKEN_SIGNATURE', () => `${part({ alg: 'RS256', typ: 'JWT', kid: 'rotated-away' })}.${claims()}.${signature()}`],
    ['a real token re-sent unsigned (alg none)', 'TOKEN_SIGNATURE', () => `${part({ alg: 'none', typ: 'JWT' })}.${claims()}.`],
  ])('answers %s with 401 UNAUTHENTICATED (%s) in fixed words', async (_case, reason, forge) => {
    // keycloak-connect prints a line on stderr when an unknown key id comes within its JWKS back-off.
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await graphqlRequest(service.url, '{ __typename }', { token: forge() });
    stderr.mockRestore();
    expect(response.status).toBe(401);
    expect(firstError(response).extensions).toEqual({ code: 'UNAUTHENTICATED', details: { reason } });
    expect(firstError(response).message).toMatch(VIETNAMESE_FIRST);
    expect(firstError(response).message).not.toMatch(/jwk|undefined|Grant|invalid token|keycloak|reading/i);
  });
});

describe('keep-alive', () => {
  it('answers on a socket left idle for a second, and closes it only after the configured 1.5 s', async () => {
    const socket = connect(Number(new URL(service.url).port), '127.0.0.1');
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    const ask = () => socket.write('GET /health/live HTTP/1.1\r\nHost: organization\r\nConnection: keep-alive\r\n\r\n');
    ask();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    ask();
    const last = Date.now();
    const closedAt = await closed;
    expect(received.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(closedAt - last).toBeGreaterThanOrEqual(1_400);
    expect(closedAt - last).toBeLessThan(4_500);
  });
});
