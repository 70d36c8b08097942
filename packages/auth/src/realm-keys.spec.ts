import Keycloak from 'keycloak-connect';
import { DomainError } from '@ps/errors';
import { CLIENT, FakeRealm, REALM, firstKey, rotatedKey, tokenUnder } from './realm-keys.spec-support';
import { createKeycloakVerifier, type TokenVerifier } from './verifier';

// The realm's keys as a rotation and an outage change them, against a stand-in for Keycloak's JWKS endpoint.

async function answerTo(verifier: TokenVerifier, authorization: string) {
  try {
    return { accepted: (await verifier.verify(authorization)).username };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, details: error.extensions.details, status: (error.extensions.http as { status: number }).status, message: error.message };
  }
}

const quietLog = { info: () => undefined, warn: () => undefined };
let realm: FakeRealm;

beforeEach(async () => {
  realm = new FakeRealm();
  await realm.up();
});
afterEach(() => realm.down());

it('reproduces keycloak-connect on its own: a key rotated in within 10 s of its last fetch is refused', async () => {
  const keycloak = new Keycloak({}, { realm: REALM, 'auth-server-url': realm.url, resource: CLIENT, 'bearer-only': true } as unknown as Keycloak.KeycloakConfig);
  const grant = (authorization: string) => keycloak.grantManager.createGrant({ access_token: authorization.slice('Bearer '.length) } as never);
  const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(grant(tokenUnder(realm, 'key-1', firstKey))).resolves.toBeDefined();
  realm.published.set('key-2', rotatedKey);
  await expect(grant(tokenUnder(realm, 'key-2', rotatedKey))).rejects.toThrow(/Grant validation failed/);
  expect(realm.fetches).toBe(1);
  expect(stderr).toHaveBeenCalledWith('Not enough time elapsed since the last request, blocking the request');
  stderr.mockRestore();
});

it('accepts a token under a key rotated in moments after the last fetch, and still the old key while published', async () => {
  const verifier = createKeycloakVerifier({ url: realm.url, realm: REALM, clientId: CLIENT, keys: { refetchIntervalMs: 300 } }, quietLog);
  expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toEqual({ accepted: 'admin.dautieng' });
  realm.published.set('key-2', rotatedKey);
  expect(await answerTo(verifier, tokenUnder(realm, 'key-2', rotatedKey))).toEqual({ accepted: 'admin.dautieng' });
  expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toEqual({ accepted: 'admin.dautieng' });
  expect(realm.fetches).toBe(2);
});

it('asks the realm at most once per interval however many unknown key ids arrive at once', async () => {
  const verifier = createKeycloakVerifier({ url: realm.url, realm: REALM, clientId: CLIENT, keys: { refetchIntervalMs: 200 } }, quietLog);
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, index) => answerTo(verifier, tokenUnder(realm, `made-up-${index}`, rotatedKey))),
  );
  expect(answers.every((answer) => (answer.details as { reason: string }).reason === 'TOKEN_SIGNATURE')).toBe(true);
  expect(realm.fetches).toBeLessThanOrEqual(3);
});

describe('while Keycloak is down', () => {
  it('keeps verifying tokens under keys already fetched; a key never seen is SIGN_IN_UNAVAILABLE (503), then accepted once Keycloak is back', async () => {
    const warnings: object[] = [];
    const verifier = createKeycloakVerifier({ url: realm.url, realm: REALM, clientId: CLIENT, keys: { refetchIntervalMs: 100, maxAgeMs: 0 } }, { info: () => undefined, warn: (details) => warnings.push(details) });
    expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toEqual({ accepted: 'admin.dautieng' });
    await realm.down();
    realm.published.set('key-2', rotatedKey);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toEqual({ accepted: 'admin.dautieng' });
    }
    expect(await answerTo(verifier, tokenUnder(realm, 'key-2', rotatedKey))).toEqual({
      code: 'SIGN_IN_UNAVAILABLE',
      status: 503,
      details: { reason: 'TOKEN_KEYS_UNAVAILABLE' },
      message: expect.stringMatching(/^Không liên lạc được dịch vụ đăng nhập \(Keycloak\).* \/ The sign-in service \(Keycloak\) cannot be reached/),
    });
    expect(warnings).toContainEqual(expect.objectContaining({ reason: 'TOKEN_KEYS_UNAVAILABLE' }));
    await realm.up();
    expect(await answerTo(verifier, tokenUnder(realm, 'key-2', rotatedKey))).toEqual({ accepted: 'admin.dautieng' });
  });

  it('answers SIGN_IN_UNAVAILABLE within the timeout when Keycloak takes the connection but never answers', async () => {
    const verifier = createKeycloakVerifier({ url: realm.url, realm: REALM, clientId: CLIENT, keys: { timeoutMs: 300 } }, quietLog);
    realm.hang = true;
    const started = Date.now();
    expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toMatchObject({ code: 'SIGN_IN_UNAVAILABLE', status: 503 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

it('refuses tokens under a key the realm no longer publishes once the key set is older than its maximum age', async () => {
  const verifier = createKeycloakVerifier({ url: realm.url, realm: REALM, clientId: CLIENT, keys: { refetchIntervalMs: 50, maxAgeMs: 200 } }, quietLog);
  realm.published.set('key-2', rotatedKey);
  expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toEqual({ accepted: 'admin.dautieng' });
  realm.published.delete('key-1');
  expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toEqual({ accepted: 'admin.dautieng' }); // still fresh
  await new Promise((resolve) => setTimeout(resolve, 250));
  await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey)); // notices the age; the fetch runs behind it
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, details: { reason: 'TOKEN_SIGNATURE' } });
  expect(await answerTo(verifier, tokenUnder(realm, 'key-2', rotatedKey))).toEqual({ accepted: 'admin.dautieng' });
});
