import { generateKeyPairSync, sign } from 'node:crypto';
import { DEMO_USERS, eventually, graphqlRequest, infrastructure, passwordGrant, runInfraScript, type StartedProcess } from '@ps/testing';
import { gatewayUrl, startPlatform, stopPlatform, type PlatformOptions } from './platform';
import { RealmKeysAdmin } from './realm-keys-admin';

/**
 * Keycloak down, and its keys rotated, under the running platform: a Keycloak of this suite's own
 * (its own copy and dev database, on ports next to the platform's) is killed with SIGKILL and
 * started again, and the realm's signing key is rotated through the admin REST API (and put back
 * afterwards). No process of the platform is restarted at any point. The shared Keycloak is never touched.
 */
const PORT_BASE = Number(process.env.PS_E2E_PORT_BASE ?? 14000);
const KEYCLOAK = {
  KEYCLOAK_NAME: 'keycloak-outage',
  KEYCLOAK_PORT: String(PORT_BASE + 80),
  KEYCLOAK_MANAGEMENT_PORT: String(PORT_BASE + 81),
  // A Keycloak starts in about 20 s on an idle machine, several minutes on a crowded one.
  KEYCLOAK_START_TIMEOUT: '480',
};
const keycloakUrl = `http://127.0.0.1:${KEYCLOAK.KEYCLOAK_PORT}`;
/** The key set is fetched again every 5 s here (300 s in production), so a disabled key is seen to stop verifying. */
const options: PlatformOptions = { sharedEnv: { KEYCLOAK_URL: keycloakUrl, KEYCLOAK_KEYS_MAX_AGE_SECONDS: '5' } };
const keycloak = (command: 'start' | 'kill' | 'stop') => runInfraScript('keycloak.sh', [command], KEYCLOAK);

/** Thành An with a field from each of the four subgraphs: a token accepted here passed all five verifiers. */
const THANH_AN_EVERYWHERE = `{
  unit(code: "25807") { code name headcount ratingSummary { year total } plans { id } }
}`;
const USER = DEMO_USERS.hcmcAdmin;
const ADDED_KEY = 'rotated-rsa';
const admin = new RealmKeysAdmin(keycloakUrl, infrastructure.keycloakRealm);

let platform: StartedProcess[] = [];
const figures: Record<string, number | string> = {};

const signIn = async (username: string = USER) => (await passwordGrant(keycloakUrl, username)).token;
const keyIdOf = (token: string) => String(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid);

/** Codes of a token refused by the gateway or by a subgraph (whose refusal comes back at its field's path). */
const TOKEN_REFUSALS = new Set(['UNAUTHENTICATED', 'SIGN_IN_UNAVAILABLE']);

/**
 * What the gateway answered for the query: its status, the refusals of the token (the gateway's,
 * or a subgraph's at its field), and whether the unit came back with the fields of all four.
 * Other errors are no refusal of the token: the other services are still projecting the territory.
 */
async function askEverywhere(token: string) {
  const answer = await graphqlRequest<{ unit: Record<string, unknown> | null }>(gatewayUrl, THANH_AN_EVERYWHERE, { token });
  return {
    status: answer.status,
    refusals: (answer.errors ?? [])
      .filter((error) => TOKEN_REFUSALS.has(String(error.extensions?.code)))
      .map((error) => ({
        code: error.extensions?.code,
        reason: (error.extensions?.details as { reason?: string } | undefined)?.reason,
        path: error.path?.join('.'),
        message: error.message,
      })),
    answered: answer.data?.unit?.code === '25807' && ['headcount', 'ratingSummary', 'plans'].every((field) => field in (answer.data?.unit ?? {})),
  };
}

const ACCEPTED = { status: 200, refusals: [], answered: true };

/** A process's readiness answer and its signing-keys check. */
async function signingKeysOf(running: StartedProcess) {
  const response = await fetch(`${running.baseUrl}/health/ready`);
  const body = (await response.json()) as { checks: Array<{ name: string }> };
  return { name: running.name, status: response.status, keys: body.checks.find((check) => check.name === 'signing-keys') };
}

/** A token Keycloak never issued, under a key id no one has seen, with the claims the platform expects. */
function tokenUnderUnseenKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { exp: now + 300, iat: now, iss: `${keycloakUrl}/realms/${infrastructure.keycloakRealm}`, aud: infrastructure.keycloakClientId, typ: 'Bearer', sub: 'nobody', realm_access: { roles: ['province-admin'] }, unit_code: '79' };
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: `unseen-${now}` })}.${part(claims)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

beforeAll(async () => {
  keycloak('kill'); // left by an interrupted run
  keycloak('start');
  await admin.restore(ADDED_KEY);
  platform = await startPlatform(options);
}, 900_000);

afterAll(async () => {
  try {
    await stopPlatform(platform);
    await admin.restore(ADDED_KEY);
  } finally {
    keycloak('stop');
    process.stdout.write(`[keycloak] outage and rotation: ${JSON.stringify(figures)}\n`);
  }
}, 120_000);

describe('Keycloak down', () => {
  it('keeps tokens issued before verifying, answers a new one SIGN_IN_UNAVAILABLE, and takes new sign-ins again once Keycloak is back', async () => {
    const before = await signIn();
    expect(await askEverywhere(before)).toEqual(ACCEPTED);

    keycloak('kill');
    const killedAt = Date.now();
    await expect(signIn(DEMO_USERS.provinceAdmin)).rejects.toThrow(); // a new sign-in cannot even start
    // Past the key set's maximum age: the refetch fails and the keys already fetched stay.
    while (Date.now() - killedAt < 7_000) {
      expect(await askEverywhere(before)).toEqual(ACCEPTED);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    // Every process stays ready on the keys it holds (an outage must not take the platform out of service) and says the refetch failed.
    for (const running of platform) {
      const state = await eventually(async () => {
        const answer = await signingKeysOf(running);
        return (answer.keys as { lastFailure?: unknown } | undefined)?.lastFailure ? answer : void (await askEverywhere(before)); // a token makes the stale key set be fetched again
      }, { timeoutMs: 30_000, intervalMs: 500, what: `${running.name} reporting the failed refetch` });
      expect(state).toMatchObject({ name: running.name, status: 200, keys: { ok: true, lastFailure: { cause: expect.stringMatching(/fetch failed/) } } });
    }
    const unseen = await askEverywhere(tokenUnderUnseenKey());
    expect(unseen).toEqual({
      status: 503,
      refusals: [{
        code: 'SIGN_IN_UNAVAILABLE',
        reason: 'TOKEN_KEYS_UNAVAILABLE',
        path: undefined,
        message: expect.stringMatching(/^Không liên lạc được dịch vụ đăng nhập \(Keycloak\).* \/ The sign-in service \(Keycloak\) cannot be reached/),
      }],
      answered: false,
    });

    keycloak('start');
    const backAt = Date.now();
    figures.keycloakDownSeconds = (backAt - killedAt) / 1000;
    const fresh = await eventually(() => signIn().catch(() => undefined), {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: 'a new sign-in after Keycloak came back',
    });
    figures.firstSignInAfterReturnMs = Date.now() - backAt;
    const issuedAt = Date.now();
    expect(await askEverywhere(fresh)).toEqual(ACCEPTED); // first attempt: signed with the key cached before the outage
    figures.newTokenAcceptedAfterSignInMs = Date.now() - issuedAt;
    expect(fresh).not.toEqual(before);
    expect(await askEverywhere(before)).toEqual(ACCEPTED);
    // Keycloak answers again: a key it does not publish is now a bad signature, not an outage.
    expect((await askEverywhere(tokenUnderUnseenKey())).refusals).toMatchObject([{ code: 'UNAUTHENTICATED', reason: 'TOKEN_SIGNATURE' }]);
  }, 600_000);
});

describe('key rotation in the realm', () => {
  it('takes a token under a newly added key at once, keeps the old key while enabled, and refuses it once disabled', async () => {
    const old = await signIn();
    const oldKid = keyIdOf(old);
    expect(await askEverywhere(old)).toEqual(ACCEPTED); // the platform's key set was fetched moments ago

    const previousKeys = await admin.signingKeyProviders();
    await admin.addSigningKey(ADDED_KEY, 1_000);
    const rotatedAt = Date.now();
    const rotated = await signIn();
    expect(keyIdOf(rotated)).not.toBe(oldKid);
    expect(await askEverywhere(rotated)).toEqual(ACCEPTED); // first attempt: no back-off refusal
    figures.rotatedTokenAcceptedAfterKeyAddedMs = Date.now() - rotatedAt;
    expect(await askEverywhere(old)).toEqual(ACCEPTED);

    for (const provider of previousKeys) await admin.disable(provider);
    const disabledAt = Date.now();
    await eventually(async () => ((await askEverywhere(old)).refusals[0]?.reason === 'TOKEN_SIGNATURE' ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 500,
      what: 'the old key refused',
    });
    figures.oldKeyRefusedAfterDisabledMs = Date.now() - disabledAt;
    expect((await askEverywhere(old)).refusals).toMatchObject([{ code: 'UNAUTHENTICATED', reason: 'TOKEN_SIGNATURE', message: expect.stringMatching(/^Chưa xác thực: chữ ký/) }]);
    expect(await askEverywhere(rotated)).toEqual(ACCEPTED);
  }, 120_000);
});
