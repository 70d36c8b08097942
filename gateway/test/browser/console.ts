import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, infrastructure, startNodeProcess, type StartedProcess } from '@ps/testing';
import { CONSOLE_ORIGIN, gatewayUrl } from '../platform';

/** The built console (apps/console/dist) served on the console's origin, pointed at the platform's gateway and the realm. */
export function serveConsole(): Promise<StartedProcess> {
  return startNodeProcess({
    name: 'console',
    folder: 'apps/console',
    script: 'serve.mjs',
    port: Number(new URL(CONSOLE_ORIGIN).port),
    env: { GATEWAY_URL: gatewayUrl, KEYCLOAK_URL: infrastructure.keycloakUrl, KEYCLOAK_REALM: infrastructure.keycloakRealm, CONSOLE_CLIENT_ID: 'console' },
  });
}

/** A tab at 1366×768 in Vietnamese that counts the clicks made through {@link ConsoleTab.click}. */
export interface ConsoleTab {
  page: Page;
  clicks: number;
  click(selector: string): Promise<void>;
}

/**
 * Opens `path` of the console as a newcomer does: the console sends the browser to Keycloak's
 * page, the user signs in there (one click), and lands back on the console signed in.
 */
export async function openConsole(browser: Browser, username: string, path = '/'): Promise<ConsoleTab> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const tab: ConsoleTab = {
    page,
    clicks: 0,
    async click(selector) {
      tab.clicks += 1;
      await page.click(selector);
    },
  };
  await page.goto(`${CONSOLE_ORIGIN}${path}`);
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  await tab.click('#kc-login');
  await page.waitForSelector('[data-testid="who"]');
  return tab;
}

/** The rows of the table under the caption starting with `caption`, as the cells' text. */
export async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const block = page.locator('section.table-block', { has: page.locator('h3', { hasText: caption }) }).first();
  await block.waitFor();
  return block.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from((row as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (cell) => (cell.textContent ?? '').trim())),
  );
}
