import { FakeRealm, CLIENT, REALM, firstKey, tokenUnder } from './realm-keys.spec-support';
import { createKeycloakVerifier } from './verifier';

/** What readiness learns from a verifier's signing keys (`signingKeys()`), before, during and after an outage. */
const quietLog = { info: () => undefined, warn: () => undefined };
let realm: FakeRealm;

beforeEach(async () => {
  realm = new FakeRealm();
  await realm.up();
});
afterEach(() => realm.down());

const verifierOf = (url: string, backchannelUrl?: string) =>
  createKeycloakVerifier({ url, backchannelUrl, realm: REALM, clientId: CLIENT, keys: { refetchIntervalMs: 50, maxAgeMs: 0 } }, quietLog);

it('is not ready while the keys have never been fetched, naming why, and ready once they are', async () => {
  const url = realm.url;
  await realm.down();
  const verifier = verifierOf(url);
  expect(await verifier.signingKeys?.()).toEqual({
    ready: false,
    keyIds: [],
    fetchedAt: null,
    lastFailure: { at: expect.any(String), cause: expect.stringMatching(/^fetch failed: connect ECONNREFUSED/) },
  });
  realm.port = Number(new URL(url).port);
  await realm.up();
  expect(await verifier.signingKeys?.()).toEqual({ ready: true, keyIds: ['key-1'], fetchedAt: expect.any(String), lastFailure: null });
});

it('stays ready on the held keys while Keycloak is down, reporting the failed refetch, and answers without asking Keycloak', async () => {
  const verifier = verifierOf(realm.url);
  expect(await verifier.signingKeys?.()).toMatchObject({ ready: true, keyIds: ['key-1'] });
  const fetchedAt = (await verifier.signingKeys?.())?.fetchedAt;
  expect(realm.fetches).toBe(1);
  await realm.down();
  await verifier.verify(tokenUnder(realm, 'key-1', firstKey)); // older than maxAge: the refetch runs behind it, and fails
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await verifier.signingKeys?.()).toEqual({
    ready: true,
    keyIds: ['key-1'],
    fetchedAt,
    lastFailure: { at: expect.any(String), cause: expect.stringMatching(/ECONNREFUSED/) },
  });
});

it('is not ready when the realm publishes no signing key', async () => {
  realm.published.clear();
  expect(await verifierOf(realm.url).signingKeys?.()).toMatchObject({
    ready: false,
    keyIds: [],
    lastFailure: { cause: expect.stringMatching(/publishes no RS256 signing key$/) },
  });
});

it('fetches keys through the backchannel URL while tokens name the public host as issuer', async () => {
  const publicHost = 'https://sso.example.invalid';
  const verifier = verifierOf(publicHost, realm.url);
  expect(await verifier.signingKeys?.()).toMatchObject({ ready: true, keyIds: ['key-1'] });
  expect((await verifier.verify(tokenUnder(realm, 'key-1', firstKey, publicHost))).username).toBe('admin.dautieng');
  await expect(verifier.verify(tokenUnder(realm, 'key-1', firstKey))).rejects.toMatchObject({ extensions: { details: { reason: 'TOKEN_ISSUER' } } });
  expect(realm.fetches).toBeGreaterThanOrEqual(1);
});
