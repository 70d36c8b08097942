import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS, infrastructure, repositoryRoot } from '@ps/testing';
import { launchChromium, serveSigninPage, signInThroughBrowser, type SignedIn } from './browser/signin';
import { CONSOLE_ORIGIN } from './platform';

/**
 * The production realm as infra/k8s/realm-import.mjs makes it from the one realm file, imported
 * into the local Keycloak under another name and tried as its users would meet it. HTTP stays
 * allowed on loopback here (sslRequired "external"): the realm demands HTTPS everywhere else.
 */
const REALM = 'political-system-hardened';
const base = infrastructure.keycloakUrl;
const oidc = `${base}/realms/${REALM}/protocol/openid-connect`;
const USER = DEMO_USERS.dinhAnViewer;
const ADMINISTRATOR = DEMO_USERS.dinhAnAdmin;
/** The demo password is refused by the policy, even at import: the test's user gets one that passes. */
const PASSWORD = 'Mat-Khau-Thu-2026';

type Json = Record<string, unknown>;
let adminToken = '';

async function admin(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${base}/admin/realms${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** RFC 6238 with the realm's default OTP policy (HMAC-SHA1, 6 digits, 30 s), as an authenticator app computes it. */
function oneTimeCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const digest = createHmac('sha1', Buffer.from(secret, 'utf8')).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const claimsOf = (jwt: string): Json => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Json;
const token = (parameters: Record<string, string>) => fetch(`${oidc}/token`, { method: 'POST', body: new URLSearchParams(parameters) });

/** What realm-import.mjs prints for the cluster, demo users kept, under this test's realm name. */
function hardenedRealm(): Json {
  const printed = execFileSync(process.execPath, [join(repositoryRoot(), 'infra', 'k8s', 'realm-import.mjs'), '--with-demo-users', '--console-origin', CONSOLE_ORIGIN], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const realm = (JSON.parse(printed) as { spec: { realm: Json & { users: Json[] } } }).spec.realm;
  expect(realm.sslRequired).toBe('all');
  const users = realm.users.filter((user) => user.username === USER || user.username === ADMINISTRATOR).map((user) => ({ ...user, credentials: [{ type: 'password', value: PASSWORD, temporary: false }] }));
  return { ...realm, realm: REALM, sslRequired: 'external', users };
}

beforeAll(async () => {
  const answer = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
  });
  adminToken = ((await answer.json()) as { access_token: string }).access_token;
  await admin(`/${REALM}`, { method: 'DELETE' });
  const created = await admin('', { method: 'POST', body: hardenedRealm() });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await admin(`/${REALM}`, { method: 'DELETE' });
});

describe('the hardened realm', () => {
  it('refuses the password grant on every client', async () => {
    const [client] = (await (await admin(`/${REALM}/clients?clientId=platform-api`)).json()) as Array<{ id: string }>;
    const { value: secret } = (await (await admin(`/${REALM}/clients/${client.id}/client-secret`)).json()) as { value: string };
    expect(secret).not.toBe(infrastructure.keycloakClientSecret);
    const clients: Array<Record<string, string>> = [{ client_id: 'platform-api', client_secret: secret }, { client_id: 'console' }];
    for (const credentials of clients) {
      const answer = await token({ grant_type: 'password', username: USER, password: PASSWORD, ...credentials });
      expect({ client: credentials.client_id, status: answer.status, error: ((await answer.json()) as Json).error }).toEqual({
        client: credentials.client_id, status: expect.any(Number), error: 'unauthorized_client',
      });
    }
  });

  it('signs in through the browser; tokens for the platform alone, personal data only in the ID token, refresh tokens rotated', async () => {
    const server = await serveSigninPage(CONSOLE_ORIGIN, { keycloakUrl: base, realm: REALM, clientId: 'console', gatewayUrl: '', query: null });
    const browser = await launchChromium();
    try {
      const signedIn = await signInThroughBrowser(await browser.newPage(), server.url, USER, PASSWORD);
      const access = claimsOf(signedIn.accessToken);
      expect(access.aud).toBe('platform-api');
      expect(access.preferred_username).toBe(USER);
      for (const personal of ['name', 'given_name', 'family_name', 'email']) expect(access).not.toHaveProperty(personal);
      expect((access.realm_access as { roles: string[] }).roles).not.toContain('offline_access');
      expect(claimsOf(signedIn.idToken)).toMatchObject({ name: expect.any(String), email: `${USER}@demo.local` });

      const first = await token({ grant_type: 'refresh_token', client_id: 'console', refresh_token: signedIn.refreshToken });
      expect(first.status).toBe(200);
      const reused = await token({ grant_type: 'refresh_token', client_id: 'console', refresh_token: signedIn.refreshToken });
      expect({ status: reused.status, error: ((await reused.json()) as Json).error }).toEqual({ status: 400, error: 'invalid_grant' });
      const offline = await token({ grant_type: 'refresh_token', client_id: 'console', refresh_token: ((await first.json()) as { refresh_token: string }).refresh_token, scope: 'openid offline_access' });
      expect(offline.status).toBe(400);
    } finally {
      await browser.close();
      await server.stop();
    }
  });

  it('asks an administrator for a one-time code, set up at the first sign-in, before the browser goes back to the console', async () => {
    const server = await serveSigninPage(CONSOLE_ORIGIN, { keycloakUrl: base, realm: REALM, clientId: 'console', gatewayUrl: '', query: null });
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(server.url);
      await tab.waitForSelector('#username');
      await tab.fill('#username', ADMINISTRATOR);
      await tab.fill('#password', PASSWORD);
      await tab.click('#kc-login');
      await tab.waitForSelector('#totp');
      expect(new URL(tab.url()).origin).toBe(new URL(base).origin);
      expect(await tab.locator('#kc-totp-secret-qr-code').count()).toBe(1);
      // The administrator's authenticator app, set up from the page's secret.
      const secret = await tab.inputValue('#totpSecret');
      await tab.fill('#totp', oneTimeCode(secret));
      await tab.fill('#userLabel', 'Điện thoại công vụ');
      await tab.click('#saveTOTPBtn');
      await tab.waitForFunction("/^(signed-in|failed)/.test(document.getElementById('status')?.textContent ?? '')");
      expect(await tab.textContent('#status')).toBe('signed-in');
      const signedIn = (await tab.evaluate('window.signedIn')) as SignedIn;
      expect((claimsOf(signedIn.accessToken).realm_access as { roles: string[] }).roles.sort()).toEqual(['commune-admin', 'second-factor-required']);
    } finally {
      await browser.close();
      await server.stop();
    }
  });

  it('refuses a weak password, and keeps the sign-in and administration events', async () => {
    const [user] = (await (await admin(`/${REALM}/users?username=${USER}&exact=true`)).json()) as Array<{ id: string }>;
    const reset = (value: string) => admin(`/${REALM}/users/${user.id}/reset-password`, { method: 'PUT', body: { type: 'password', value, temporary: false } });
    const weak = await reset(DEMO_PASSWORD);
    expect(weak.status).toBe(400);
    expect(JSON.stringify(await weak.json())).toMatch(/invalidPassword/);
    expect((await reset('Mat-Khau-Moi-2027')).status).toBe(204);
    const logins = (await (await admin(`/${REALM}/events?type=LOGIN&type=CODE_TO_TOKEN`)).json()) as Array<{ type: string }>;
    expect(logins.map((event) => event.type)).toEqual(expect.arrayContaining(['LOGIN', 'CODE_TO_TOKEN']));
    const changes = (await (await admin(`/${REALM}/admin-events`)).json()) as Array<{ operationType: string; resourcePath: string }>;
    expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ resourcePath: `users/${user.id}/reset-password` })]));
  });
});
