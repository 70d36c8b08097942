import { RealmAdmin } from '@ps/auth';
import { DEMO_PASSWORD, DEMO_USERS, eventually, graphqlRequest, infrastructure, tokenFor, type StartedProcess } from '@ps/testing';
import { consoleAuthorizationUrl, keepScreenshot, openTab, readLoginPage, switchLanguage } from './browser/login-page';
import { launchChromium, serveSigninPage, signInThroughBrowser, signOutThroughBrowser } from './browser/signin';
import { CONSOLE_ORIGIN, gatewayUrl, PLATFORM_START_TIMEOUT_MS, startPlatform, stopPlatform } from './platform';

/**
 * Sign-in as a browser app does it, in Debian's Chromium: the realm's public `console` client with
 * Authorization Code + PKCE, the code exchanged and the gateway called from the page (CORS on
 * Keycloak and on the gateway for the console's origin only), logout through Keycloak. The gateway
 * and organization suffice: the others stay down.
 */
let platform: StartedProcess[] = [];

beforeAll(async () => {
  platform = await startPlatform({ services: ['organization'] });
}, PLATFORM_START_TIMEOUT_MS);

afterAll(() => stopPlatform(platform));

describe('a browser app signs in and out', () => {
  const oidc = `${infrastructure.keycloakUrl}/realms/${infrastructure.keycloakRealm}/protocol/openid-connect`;
  const page = { keycloakUrl: infrastructure.keycloakUrl, realm: infrastructure.keycloakRealm, clientId: 'console', gatewayUrl, query: '{ unit(code: "25807") { code name tier } }' };

  it('signs a commune administrator in with PKCE, exchanges the code and calls the gateway from the page; after logout the token is refused', async () => {
    const server = await serveSigninPage(CONSOLE_ORIGIN, page);
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      const signedIn = await signInThroughBrowser(tab, server.url, DEMO_USERS.thanhAnAdmin, DEMO_PASSWORD);
      expect(signedIn.gateway).toEqual({ status: 200, body: { data: { unit: { code: '25807', name: 'Xã Thanh An', tier: 'COMMUNE' } } } });
      const claims = JSON.parse(Buffer.from(signedIn.accessToken.split('.')[1], 'base64url').toString()) as { azp: string; aud: string | string[] };
      expect(claims.azp).toBe('console');
      expect([claims.aud].flat()).toContain('platform-api');

      await signOutThroughBrowser(tab, signedIn.idToken);
      const loggedOutAt = Date.now();
      const refused = await eventually(async () => {
        const answer = await graphqlRequest(gatewayUrl, '{ __typename }', { token: signedIn.accessToken });
        return answer.status === 401 ? answer : undefined;
      }, { what: 'the logged-out token refused by the gateway', timeoutMs: 5_000, intervalMs: 100 });
      process.stdout.write(`[browser] logout → token refused by the gateway: ${Date.now() - loggedOutAt} ms\n`);
      expect(refused.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', details: { reason: 'TOKEN_SESSION_ENDED' } });
      const refresh = await fetch(`${oidc}/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'console', refresh_token: signedIn.refreshToken }),
      });
      expect(refresh.status).toBe(400);
    } finally {
      await browser.close();
      await server.stop();
    }
  });

  it('sends a page on another origin no code: the realm knows the console’s redirect URIs exactly', async () => {
    const foreign = 'http://127.0.0.1:5174';
    const server = await serveSigninPage(foreign, page);
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(server.url);
      await tab.waitForURL((url) => url.origin === new URL(infrastructure.keycloakUrl).origin);
      expect(await tab.textContent('body')).toMatch(/redirect_uri/);
      expect(await tab.locator('#username').count()).toBe(0);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});

describe('an administrator the city appoints signs in for the first time', () => {
  const realm = new RealmAdmin({ url: infrastructure.keycloakUrl, realm: infrastructure.keycloakRealm, clientId: 'platform-admin', clientSecret: infrastructure.keycloakAdminClientSecret });
  const username = `browser.thanhan.${Date.now().toString(36)}`;
  let userId = '';

  afterAll(async () => {
    if (userId) await realm.deleteUser(userId);
  });

  it('is invited through the gateway, changes the temporary password on the Vietnamese page, and sees Thanh An only', async () => {
    const invited = await graphqlRequest<{ inviteUser: { temporaryPassword: string; user: { id: string } } }>(
      gatewayUrl,
      'mutation ($input: InviteUserInput!, $change: AccountChangeInput!) { inviteUser(input: $input, change: $change) { temporaryPassword user { id } } }',
      {
        token: await tokenFor(DEMO_USERS.hcmcAdmin),
        variables: {
          input: { username, firstName: 'Thị Mai', lastName: 'Lê', email: `${username}@thanhan.gov.vn`, unitCode: '25807', role: 'commune-admin' },
          change: { reason: 'Phân công quản trị hệ thống', decision: { number: '90/QĐ-UBND', date: '2026-11-20', signer: 'Chủ tịch UBND Thành phố' } },
        },
      },
    );
    expect(invited.errors).toBeUndefined();
    userId = invited.data!.inviteUser.user.id;
    const query = '{ own: unit(code: "25807") { code name } city: unit(code: "79") { code } }';
    const server = await serveSigninPage(CONSOLE_ORIGIN, { keycloakUrl: infrastructure.keycloakUrl, realm: infrastructure.keycloakRealm, clientId: 'console', gatewayUrl, query });
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      const signedIn = await signInThroughBrowser(tab, server.url, username, invited.data!.inviteUser.temporaryPassword, {
        newPassword: 'Mat-Khau-Moi-2026',
        beforeChange: async (updatePage) => {
          expect(await updatePage.textContent('#kc-page-title')).toContain('Đổi mật khẩu');
          await keepScreenshot(updatePage, 'login-vi-update-password.png');
        },
      });
      const body = signedIn.gateway?.body as { data: { own: unknown; city: unknown }; errors: Array<{ path: string[]; extensions: { code: string } }> };
      expect(body.data.own).toEqual({ code: '25807', name: 'Xã Thanh An' });
      expect(body.data.city).toBeNull();
      expect(body.errors.map((error) => [error.path[0], error.extensions.code])).toEqual([['city', 'FORBIDDEN']]);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});

describe('the login page speaks Vietnamese first (realm theme political-system)', () => {
  const { keycloakUrl, keycloakRealm } = infrastructure;
  const consoleLogin = consoleAuthorizationUrl(keycloakUrl, keycloakRealm, `${CONSOLE_ORIGIN}/`, 'vi');
  const bareLogin = consoleAuthorizationUrl(keycloakUrl, keycloakRealm, `${CONSOLE_ORIGIN}/`);
  const vietnamese = {
    lang: 'vi',
    title: 'Đăng nhập — Hệ thống chính trị',
    header: 'Hệ thống chính trị — Đảng, Nhà nước, Mặt trận Tổ quốc',
    pageTitle: 'Đăng nhập tài khoản',
    button: 'Đăng nhập',
  };
  const english = {
    lang: 'en',
    title: 'Sign in — Political-system platform',
    header: 'Political-system platform — Party, State, Fatherland Front',
    pageTitle: 'Sign in to your account',
    button: 'Sign In',
  };

  it('shows a browser with no language preference the Vietnamese page; the switch goes to English and back; a wrong password is said in Vietnamese', async () => {
    const browser = await launchChromium();
    try {
      const tab = await openTab(browser);
      await tab.goto(bareLogin);
      const page = await readLoginPage(tab);
      expect(page).toMatchObject({ ...vietnamese, alert: null });
      expect(page.usernameLabel).toMatch(/^Tên đăng nhập hoặc email/);
      expect(page.passwordLabel).toMatch(/^Mật khẩu/);
      process.stdout.write(`[browser] login page screenshot: ${await keepScreenshot(tab, 'login-vi.png')}\n`);

      await switchLanguage(tab, 'en');
      const switched = await readLoginPage(tab);
      expect(switched).toMatchObject({ ...english, alert: null });
      expect(switched.usernameLabel).toMatch(/^Username or email/);
      process.stdout.write(`[browser] login page screenshot: ${await keepScreenshot(tab, 'login-en.png')}\n`);

      await switchLanguage(tab, 'vi');
      expect(await readLoginPage(tab)).toMatchObject(vietnamese);

      // One failure only: brute-force detection locks a user after two failures less than 1 s apart.
      await tab.fill('#username', DEMO_USERS.dinhAnViewer);
      await tab.fill('#password', 'not-the-password');
      await Promise.all([tab.waitForNavigation(), tab.click('#kc-login')]);
      const refused = await readLoginPage(tab);
      expect(refused).toMatchObject({ ...vietnamese, alert: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
      process.stdout.write(`[browser] login page screenshot: ${await keepScreenshot(tab, 'login-vi-invalid.png')}\n`);
    } finally {
      await browser.close();
    }
  });

  it('shows an English browser the Vietnamese page when the console asks for vi (ui_locales), and English when nobody asks', async () => {
    const browser = await launchChromium();
    try {
      const tab = await openTab(browser, 'en-US');
      expect(await tab.evaluate('navigator.language')).toBe('en-US');
      await tab.goto(consoleLogin);
      expect(await readLoginPage(tab)).toMatchObject(vietnamese);
      await switchLanguage(tab, 'en');
      expect(await readLoginPage(tab)).toMatchObject(english);

      // Keycloak follows Accept-Language before the realm's default: why the console sends ui_locales=vi.
      const other = await openTab(browser, 'en-US');
      await other.goto(bareLogin);
      expect(await readLoginPage(other)).toMatchObject(english);
    } finally {
      await browser.close();
    }
  });
});
