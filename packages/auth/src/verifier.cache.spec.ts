import Keycloak from 'keycloak-connect';
import { DomainError } from '@ps/errors';
import { CLIENT, FakeRealm, REALM, firstKey, rotatedKey, tokenUnder } from './realm-keys.spec-support';
import { SessionCheck } from './session-check';
import { createKeycloakVerifier, type KeycloakSettings, type TokenVerifier } from './verifier';

// A token verified once per process: keycloak-connect's createGrant (the signature check) is counted
// on the prototype every adapter shares; the clock is moved through the verifier's `now`.

const grantManager = Object.getPrototypeOf(
  new Keycloak({}, { realm: REALM, 'auth-server-url': 'http://127.0.0.1:9', resource: CLIENT, 'bearer-only': true } as unknown as Keycloak.KeycloakConfig).grantManager,
) as { createGrant: (...args: unknown[]) => unknown };
const createGrant = jest.spyOn(grantManager, 'createGrant');

const quietLog = { info: () => undefined, warn: () => undefined };
let realm: FakeRealm;
let offsetMs = 0;
const now = () => Date.now() + offsetMs;

beforeEach(async () => {
  offsetMs = 0;
  createGrant.mockClear();
  realm = new FakeRealm();
  await realm.up();
});
afterEach(() => realm.down());

function verifierWith(options: Pick<KeycloakSettings, 'keys' | 'verifiedTokens'> = {}, session?: { cacheMs: number }): TokenVerifier {
  const sessionSettings = session ? { clientSecret: 'secret', timeoutMs: 200, ...session } : undefined;
  return createKeycloakVerifier({ url: realm.url, realm: REALM, clientId: CLIENT, ...options }, quietLog, sessionSettings, now);
}

async function answerTo(verifier: TokenVerifier, authorization: string) {
  try {
    return { accepted: (await verifier.verify(authorization)).username };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { refused: (error.extensions.details as { reason: string }).reason };
  }
}

const ACCEPTED = { accepted: 'admin.dautieng' };

it('verifies the signature of a token once, however often it is presented', async () => {
  const verifier = verifierWith();
  const token = tokenUnder(realm, 'key-1', firstKey);
  const first = await verifier.verify(token);
  const second = await verifier.verify(token);
  expect(second).toEqual(first);
  expect(second).not.toBe(first); // each request gets a Principal of its own
  expect(createGrant).toHaveBeenCalledTimes(1);
});

it('verifies another token on its own', async () => {
  const verifier = verifierWith();
  expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey))).toEqual(ACCEPTED);
  expect(await answerTo(verifier, tokenUnder(realm, 'key-1', firstKey, realm.url, { sub: 'user-2' }))).toEqual(ACCEPTED);
  expect(createGrant).toHaveBeenCalledTimes(2);
});

it('does not keep a refusal: a token signed by another key is checked, and refused, each time', async () => {
  const verifier = verifierWith();
  const forged = tokenUnder(realm, 'key-1', rotatedKey);
  expect(await answerTo(verifier, forged)).toEqual({ refused: 'TOKEN_SIGNATURE' });
  expect(await answerTo(verifier, forged)).toEqual({ refused: 'TOKEN_SIGNATURE' });
  expect(createGrant).toHaveBeenCalledTimes(2);
});

it('refuses a verified token as TOKEN_EXPIRED once past its exp, without verifying it again', async () => {
  const verifier = verifierWith({ verifiedTokens: { maxAgeMs: 3_600_000 } });
  const token = tokenUnder(realm, 'key-1', firstKey);
  expect(await answerTo(verifier, token)).toEqual(ACCEPTED);
  offsetMs = 301_000;
  expect(await answerTo(verifier, token)).toEqual({ refused: 'TOKEN_EXPIRED' });
  expect(createGrant).toHaveBeenCalledTimes(1);
});

it('verifies a token again once its maximum age in the cache has passed', async () => {
  const verifier = verifierWith({ verifiedTokens: { maxAgeMs: 60_000 } });
  const token = tokenUnder(realm, 'key-1', firstKey);
  await verifier.verify(token);
  offsetMs = 59_000;
  await verifier.verify(token);
  expect(createGrant).toHaveBeenCalledTimes(1);
  offsetMs = 60_001;
  expect(await answerTo(verifier, token)).toEqual(ACCEPTED);
  expect(createGrant).toHaveBeenCalledTimes(2);
});

it('verifies every call with a maximum age of 0', async () => {
  const verifier = verifierWith({ verifiedTokens: { maxAgeMs: 0 } });
  const token = tokenUnder(realm, 'key-1', firstKey);
  for (let call = 0; call < 3; call += 1) expect(await answerTo(verifier, token)).toEqual(ACCEPTED);
  expect(createGrant).toHaveBeenCalledTimes(3);
});

it('keeps at most maxTokens tokens', async () => {
  const verifier = verifierWith({ verifiedTokens: { maxTokens: 1 } });
  const tokenA = tokenUnder(realm, 'key-1', firstKey);
  const tokenB = tokenUnder(realm, 'key-1', firstKey, realm.url, { sub: 'user-2' });
  for (const token of [tokenA, tokenA, tokenB, tokenA]) await verifier.verify(token);
  expect(createGrant).toHaveBeenCalledTimes(3);
});

it('still asks the session check at every call', async () => {
  const require = jest.spyOn(SessionCheck.prototype, 'require');
  const verifier = verifierWith({}, { cacheMs: 0 });
  const token = tokenUnder(realm, 'key-1', firstKey);
  await verifier.verify(token);
  await verifier.verify(token);
  expect(require.mock.calls).toEqual([
    [token.slice('Bearer '.length), 'session-1'],
    [token.slice('Bearer '.length), 'session-1'],
  ]);
  expect(createGrant).toHaveBeenCalledTimes(1);
  require.mockRestore();
});

it('refuses a cached token once the realm no longer publishes its key, within the key set maximum age', async () => {
  const verifier = verifierWith({ keys: { refetchIntervalMs: 50, maxAgeMs: 200 }, verifiedTokens: { maxAgeMs: 60_000 } });
  const token = tokenUnder(realm, 'key-1', firstKey);
  expect(await answerTo(verifier, token)).toEqual(ACCEPTED);
  realm.published.delete('key-1');
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(await answerTo(verifier, token)).toEqual(ACCEPTED); // notices the age; the fetch runs behind it
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await answerTo(verifier, token)).toEqual({ refused: 'TOKEN_SIGNATURE' });
});
