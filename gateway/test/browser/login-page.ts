import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@ps/testing';
import type { Browser, Page } from 'playwright-core';

/** Where the browser tests keep their screenshots: `.local/artifacts/` at the repository root. */
export const ARTIFACTS = join(repositoryRoot(), '.local', 'artifacts');

/**
 * The console's authorization request (Authorization Code + PKCE), as the console sends it. The
 * console asks for `ui_locales=vi`: Keycloak follows a browser's Accept-Language before the realm's
 * default locale, and an English browser must still see the Vietnamese page first.
 */
export function consoleAuthorizationUrl(keycloakUrl: string, realm: string, redirectUri: string, uiLocales?: string): string {
  const parameters = new URLSearchParams({
    client_id: 'console',
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri,
    state: 'login-page-check',
    // Any valid S256 challenge will do: this test never exchanges the code.
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
  if (uiLocales) parameters.set('ui_locales', uiLocales);
  return `${keycloakUrl}/realms/${realm}/protocol/openid-connect/auth?${parameters}`;
}

/** What the login page shows, read from the rendered DOM. */
export interface LoginPageView {
  lang: string | null;
  title: string;
  header: string;
  pageTitle: string;
  usernameLabel: string;
  passwordLabel: string;
  button: string;
  alert: string | null;
}

/**
 * A tab in a fresh browser context: `locale` sets the browser's language (navigator.language and
 * Accept-Language); without it every request says `Accept-Language:` with no language, as a browser
 * with no language preference. (Chromium puts its own en-US back when the header is removed.)
 */
export async function openTab(browser: Browser, locale?: string): Promise<Page> {
  const context = await browser.newContext(locale ? { locale } : {});
  if (!locale) await context.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'accept-language': '' } }));
  return context.newPage();
}

export async function readLoginPage(tab: Page): Promise<LoginPageView> {
  await tab.waitForSelector('#kc-login');
  const text = async (selector: string) => ((await tab.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
  const alerts = tab.locator('.kc-feedback-text');
  return {
    lang: await tab.getAttribute('html', 'lang'),
    title: await tab.title(),
    header: await text('#kc-header-wrapper'),
    pageTitle: await text('#kc-page-title'),
    usernameLabel: await text('label[for="username"]'),
    passwordLabel: await text('label[for="password"]'),
    button: ((await tab.inputValue('#kc-login').catch(() => null)) ?? (await text('#kc-login'))).trim(),
    alert: (await alerts.count()) > 0 ? ((await alerts.first().textContent()) ?? '').trim() : null,
  };
}

/** Picks a language in the page's language switch (its options are links with kc_locale) and waits for the page in it. */
export async function switchLanguage(tab: Page, languageTag: string): Promise<void> {
  const option = tab.locator(`#login-select-toggle option[value*="kc_locale=${languageTag}"]`);
  const value = await option.getAttribute('value');
  if (value === null) throw new TypeError(`the language switch offers no ${languageTag}`);
  await Promise.all([tab.waitForURL((url) => url.searchParams.get('kc_locale') === languageTag), tab.selectOption('#login-select-toggle', value)]);
  await tab.waitForSelector(`html[lang="${languageTag}"]`);
}

/** A full-page screenshot in `.local/artifacts/`; returns its path. */
export async function keepScreenshot(tab: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await tab.screenshot({ path, fullPage: true });
  return path;
}
