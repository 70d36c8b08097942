import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { DomainError } from '@ps/errors';
import { createKeycloakVerifier, type TokenVerifier } from './verifier';

/**
 * Crafted tokens against the real keycloak-connect, with a local stand-in for the realm's
 * JWKS endpoint: every refusal names its reason in fixed words, never the library's.
 */
const REALM = 'political-system';
const CLIENT = 'platform-api';
const realmKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'realm-key-1';

let server: Server;
let baseUrl: string;
let verifier: TokenVerifier;
const logged: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const jwk = { ...realmKey.publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' };
  server = createServer((request, response) => {
    const certs = request.url === `/realms/${REALM}/protocol/openid-connect/certs`;
    response.writeHead(certs ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(certs ? { keys: [jwk] } : {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  verifier = createKeycloakVerifier({ url: baseUrl, realm: REALM, clientId: CLIENT, keys: { refetchIntervalMs: 50 } }, { info: (details) => logged.push(details as Record<string, unknown>), warn: (details) => logged.push(details as Record<string, unknown>) });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  logged.length = 0;
});

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claims(overrides: Record<string, unknown> = {}) {
  return {
    exp: Math.floor(Date.now() / 1000) + 300,
    iat: Math.floor(Date.now() / 1000),
    iss: `${baseUrl}/realms/${REALM}`,
    aud: CLIENT,
    typ: 'Bearer',
    sub: 'user-1',
    preferred_username: 'admin.dautieng',
    unit_code: '720',
    realm_access: { roles: ['district-admin'] },
    ...overrides,
  };
}

function signed(payload: object, options: { key?: KeyObject; kid?: string; alg?: string } = {}): string {
  const unsigned = `${part({ alg: options.alg ?? 'RS256', typ: 'JWT', kid: options.kid ?? KID })}.${part(payload)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), options.key ?? realmKey.privateKey).toString('base64url')}`;
}

async function refusal(authorization: string | undefined) {
  try {
    await verifier.verify(authorization);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { message: error.message, code: error.code, details: error.extensions.details, status: (error.extensions.http as { status: number }).status };
  }
  return 'accepted';
}

it('accepts a token signed by the realm key for this client', async () => {
  await expect(verifier.verify(`Bearer ${signed(claims())}`)).resolves.toMatchObject({ username: 'admin.dautieng', tier: 'DISTRICT', unitCode: '720' });
});

it.each([
  ['no header', 'TOKEN_MISSING', undefined],
  ['an empty header', 'TOKEN_MISSING', '   '],
  ['another scheme', 'TOKEN_MALFORMED', 'Basic YWRtaW46YWRtaW4='],
  ['two parts', 'TOKEN_MALFORMED', 'Bearer abc.def'],
  ['no base64url', 'TOKEN_MALFORMED', 'Bearer a+b.c/d.e=f'],
  ['a header that is not JSON', 'TOKEN_MALFORMED', `Bearer ${Buffer.from('nope').toString('base64url')}.${part({})}.c2ln`],
  ['claims that are a JSON array', 'TOKEN_MALFORMED', `Bearer ${part({ alg: 'RS256', kid: KID })}.${Buffer.from('[1]').toString('base64url')}.c2ln`],
])('refuses %s: 401 %s', async (_case, reason, authorization) => {
  const answer = await refusal(authorization);
  expect(answer).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, details: { reason } });
});

it('refuses an unsigned token (alg none) before looking up a key', async () => {
  const token = `${part({ alg: 'none', typ: 'JWT', kid: KID })}.${part(claims())}.`;
  expect(await refusal(`Bearer ${token}`)).toEqual({
    message: 'Chưa xác thực: chữ ký của mã truy cập không hợp lệ / Unauthenticated: the token signature is not valid',
    code: 'UNAUTHENTICATED',
    details: { reason: 'TOKEN_SIGNATURE' },
    status: 401,
  });
  expect(logged).toEqual([{ reason: 'TOKEN_SIGNATURE' }]);
});

it('refuses an HMAC-signed token and one without a key id', async () => {
  expect(await refusal(`Bearer ${signed(claims(), { alg: 'HS256' })}`)).toMatchObject({ details: { reason: 'TOKEN_SIGNATURE' } });
  const noKid = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims())}.c2ln`;
  expect(await refusal(`Bearer ${noKid}`)).toMatchObject({ details: { reason: 'TOKEN_SIGNATURE' } });
});

it('refuses a token signed by another key under the realm key id', async () => {
  const answer = await refusal(`Bearer ${signed(claims(), { key: strangerKey.privateKey })}`);
  expect(answer).toMatchObject({ details: { reason: 'TOKEN_SIGNATURE' } });
  expect(logged[0]).toMatchObject({ reason: 'TOKEN_SIGNATURE', cause: expect.stringContaining('signature') });
});

it('refuses a key id the realm does not publish, after asking the realm again', async () => {
  for (const kid of ['rotated-away', 'never-existed']) {
    const answer = await refusal(`Bearer ${signed(claims(), { key: strangerKey.privateKey, kid })}`);
    expect(answer).toMatchObject({
      message: 'Chưa xác thực: chữ ký của mã truy cập không hợp lệ / Unauthenticated: the token signature is not valid',
      details: { reason: 'TOKEN_SIGNATURE' },
    });
  }
  expect(logged.map((entry) => entry.cause)).toEqual(['the realm publishes no key rotated-away', 'the realm publishes no key never-existed']);
});

it.each([
  ['expired', 'TOKEN_EXPIRED', { exp: Math.floor(Date.now() / 1000) - 60 }, 'mã truy cập đã hết hạn'],
  ['without an expiry', 'TOKEN_MALFORMED', { exp: undefined }, 'không đúng định dạng'],
  ['that is an ID token', 'TOKEN_TYPE', { typ: 'ID' }, 'không phải mã truy cập'],
  ['from another issuer', 'TOKEN_ISSUER', { iss: 'http://elsewhere.example/realms/political-system' }, 'máy chủ xác thực'],
  ['for another client', 'TOKEN_AUDIENCE', { aud: ['account', 'console-legacy'] }, 'không cấp cho hệ thống này'],
])('refuses a token %s: %s', async (_case, reason, overrides, words) => {
  const answer = await refusal(`Bearer ${signed(claims(overrides))}`);
  expect(answer).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, details: { reason } });
  expect((answer as { message: string }).message).toContain(words);
});

it('never quotes the library in a message', async () => {
  const attempts = [
    `Bearer ${part({ alg: 'none', kid: 'x' })}.${part(claims())}.`,
    `Bearer ${signed(claims(), { key: strangerKey.privateKey, kid: 'unknown' })}`,
    `Bearer ${signed(claims(), { key: strangerKey.privateKey })}`,
  ];
  for (const attempt of attempts) {
    const { message } = (await refusal(attempt)) as { message: string };
    expect(message).not.toMatch(/jwk|undefined|Grant|invalid token|keycloak|reading/i);
  }
});
