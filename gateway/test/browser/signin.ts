import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { InvariantViolation } from '@ps/errors';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which `npm test` installs when it is missing (scripts/browser.mjs). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The closed network here refuses Chromium's own background connections: keep them off. */
const QUIET_CHROMIUM = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface SigninConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  gatewayUrl: string;
  /** The GraphQL document the page sends to the gateway once signed in (none: the page only signs in). */
  query: string | null;
}

/** What the page keeps once signed in. */
export interface SignedIn {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  gateway: { status: number; body: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } } | null;
}

/**
 * Serves the sign-in page on `origin` (the console's origin the realm and the gateway allow),
 * with its configuration set; every path answers the page, as a single-page app's server does.
 */
export async function serveSigninPage(origin: string, config: SigninConfig) {
  const { hostname, port } = new URL(origin);
  const page = readFileSync(join(__dirname, 'signin-page.html'), 'utf8')
    .replace('<script type="module">', `<script>window.SIGNIN_CONFIG = ${JSON.stringify(config)};</script>\n  <script type="module">`);
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new InvariantViolation(`the sign-in page needs ${origin} (the console's origin in the realm): ${error.message}`)));
    server.listen(Number(port), hostname, resolve);
  });
  return { url: `${origin}/`, stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new InvariantViolation(`no Chromium at ${CHROMIUM}: install Debian's chromium (npm test does) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_CHROMIUM });
}

/**
 * Opens the page, signs in on Keycloak's form as `username`, and waits until the page has its tokens and
 * the gateway's answer. With `firstSignIn`, the password is a temporary one: Keycloak's page asks for a
 * new one, `firstSignIn.beforeChange` sees that page (e.g. to keep a screenshot), and the new one is set.
 */
export async function signInThroughBrowser(
  page: Page,
  url: string,
  username: string,
  password: string,
  firstSignIn?: { newPassword: string; beforeChange?: (page: Page) => Promise<void> },
): Promise<SignedIn> {
  await page.goto(url);
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  if (firstSignIn) {
    await page.waitForSelector('#kc-passwd-update-form');
    await firstSignIn.beforeChange?.(page);
    await page.fill('#password-new', firstSignIn.newPassword);
    await page.fill('#password-confirm', firstSignIn.newPassword);
    await page.click('#kc-submit');
  }
  // Expressions run in the page (this package compiles without the DOM's types).
  await page.waitForFunction("/^(signed-in|failed)/.test(document.getElementById('status')?.textContent ?? '')");
  const status = await page.textContent('#status');
  if (status !== 'signed-in') throw new InvariantViolation(`the sign-in page says: ${status}`);
  return (await page.evaluate('window.signedIn')) as SignedIn;
}

/** Logs out through Keycloak's end-session endpoint from the page, and waits until Keycloak sent it back. */
export async function signOutThroughBrowser(page: Page, idToken: string): Promise<void> {
  await page.evaluate(`window.signOut(${JSON.stringify(idToken)})`);
  await page.waitForFunction("document.getElementById('status')?.textContent === 'signed-out'");
}
