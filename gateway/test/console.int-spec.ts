import { DEMO_USERS, graphqlRequest, infrastructure, tokenFor, type StartedProcess } from '@ps/testing';
import { RealmAdmin } from '@ps/auth';
import { Workbook } from 'exceljs';
import type { Browser } from 'playwright-core';
import { openConsole, serveConsole, tableRows } from './browser/console';
import { keepScreenshot } from './browser/login-page';
import { launchChromium } from './browser/signin';
import { everyServiceProjectedTheTerritory, gatewayUrl, runServiceSeed, startPlatform, stopPlatform } from './platform';
import { appraisedProposal, thanhAnOfficeWithQuota } from './staffing-saga';

/**
 * The administrators' console in Debian's Chromium against the whole platform: the built console
 * served on its origin, sign-in on the real Keycloak page, every figure from the gateway. Each
 * case keeps a screenshot in .local/artifacts/.
 */
let platform: StartedProcess[] = [];
let consoleServer: StartedProcess | undefined;
let browser: Browser;

beforeAll(async () => {
  platform = await startPlatform();
  consoleServer = await serveConsole();
  await everyServiceProjectedTheTerritory();
  runServiceSeed('personnel');
  runServiceSeed('evaluation');
  runServiceSeed('reform');
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await consoleServer?.stop();
  await stopPlatform(platform);
});

const report = (line: string) => process.stdout.write(`[console] ${line}\n`);

describe('the console in a real browser', () => {
  it('takes a newcomer from sign-in to Dầu Tiếng’s 1999 vs 2013 statistics in three clicks', async () => {
    const tab = await openConsole(browser, DEMO_USERS.districtAdmin);
    await tab.page.locator('[data-testid="who-unit"]', { hasText: 'Huyện Dầu Tiếng (720)' }).waitFor();
    // The district ceased on 1 July 2025: its account reads history, on its last day by default.
    expect(await tab.page.locator('[data-testid="ceased"]').textContent()).toContain('2025-07-01');
    await tab.click('nav.views >> text=Thống kê');
    await tab.click('nav.years >> text=2013');
    const rows = await tableRows(tab.page, 'Thống kê 720: 1999-12-31 → 2013-12-31');
    expect(rows).toContainEqual(['Đảng viên', '742', '2320', '+1578']);
    expect(rows).toContainEqual(['Tổ chức · Tổ chức cơ sở đảng', '22', '51', '+29']);
    expect(tab.clicks).toBeLessThanOrEqual(3);
    report(`newcomer: ${tab.clicks} clicks to the 1999 vs 2013 statistics; screenshot ${await keepScreenshot(tab.page, 'console-statistics-1999-2013.png')}`);
    // The table's Excel export, opened and read back.
    const [download] = await Promise.all([tab.page.waitForEvent('download'), tab.page.click('section.table-block button:has-text("Xuất Excel")')]);
    expect(download.suggestedFilename()).toBe('thong-ke-720-1999-12-31-2013-12-31.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const lines: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    expect(lines).toContainEqual(['Đảng viên', 742, 2320, 1578]);
  });

  it('shows the district as it was on 1999-12-31 when the date picker is set to it', async () => {
    const tab = await openConsole(browser, DEMO_USERS.districtAdmin, '/territory');
    await tab.page.fill('input[name="asOf"]', '1999-12-31');
    await tab.page.locator('[data-testid="party-members"]', { hasText: /^742$/ }).waitFor();
    const then = await graphqlRequest<{ units: Array<{ code: string; name: string }> }>(
      gatewayUrl, '{ units(parentCode: "720", asOf: "1999-12-31") { code name } }', { token: await tokenFor(DEMO_USERS.districtAdmin) },
    );
    const communes = await tableRows(tab.page, 'Đơn vị trực thuộc: Huyện Dầu Tiếng');
    expect(communes.map(([code]) => code).sort()).toEqual(then.data?.units.map((unit) => unit.code).sort());
    expect(tab.page.url()).toContain('asOf=1999-12-31');
    report(`1999-12-31: ${communes.length} communes, 742 Party members; screenshot ${await keepScreenshot(tab.page, 'console-territory-1999-12-31.png')}`);
  });

  it('shows An Lập’s admin An Lập only: its people, and a refusal for the district and a neighbouring commune', async () => {
    const tab = await openConsole(browser, DEMO_USERS.anLapAdmin, '/territory');
    expect(await tab.page.textContent('[data-testid="unit-name"]')).toContain('Xã An Lập');
    await keepScreenshot(tab.page, 'console-anlap.png');
    for (const code of ['720', '25789']) {
      await tab.page.goto(`${new URL(tab.page.url()).origin}/territory?unit=${code}`);
      await tab.page.waitForSelector('[role="alert"] [data-code]');
      expect(await tab.page.getAttribute('[role="alert"] [data-code]', 'data-code')).toBe('FORBIDDEN');
      expect(await tab.page.locator('[data-testid="unit-name"]').count()).toBe(0);
    }
    await keepScreenshot(tab.page, 'console-anlap-refused.png');
    // Signing out ends the Keycloak session too: the console sends the browser back to the sign-in page.
    await tab.page.click('button[name="signOut"]');
    await tab.page.waitForSelector('#username');
    expect(new URL(tab.page.url()).origin).toBe(new URL(infrastructure.keycloakUrl).origin);
  });

  it('shows a viewer masked personal IDs and no buttons that change anything', async () => {
    const tab = await openConsole(browser, DEMO_USERS.districtViewer, '/people');
    await tab.page.waitForSelector('[data-testid="personal-id"]');
    const shown = await tab.page.locator('[data-testid="personal-id"]').evaluateAll((cells) =>
      cells.map((cell) => ({ masked: (cell as unknown as { dataset: { masked: string } }).dataset.masked, text: (cell as unknown as { textContent: string }).textContent })),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((cell) => cell.masked === 'true' && /\*/.test(cell.text))).toBe(true);
    await keepScreenshot(tab.page, 'console-viewer-people.png');
    await tab.click('nav.views >> text=Đề án biên chế');
    await tab.page.waitForSelector('section.table-block');
    expect(await tab.page.locator('button[name="approve"], button[name="appraise"], button[name="reject"]').count()).toBe(0);
    // Keyboard only: Tab to the statistics view and open it with Enter.
    await tab.page.evaluate('document.activeElement?.blur()');
    for (let presses = 0; presses < 20 && (await tab.page.evaluate('document.activeElement?.textContent')) !== 'Thống kê'; presses += 1) await tab.page.keyboard.press('Tab');
    await tab.page.keyboard.press('Enter');
    await tab.page.locator('nav.views a[aria-current="page"]', { hasText: 'Thống kê' }).waitFor();
    // Offline: a banner says so; back online, it goes.
    await tab.page.context().setOffline(true);
    await tab.page.locator('.notice.offline').waitFor();
    await tab.page.context().setOffline(false);
    await tab.page.locator('.notice.offline').waitFor({ state: 'detached' });
  });

  it('lets the city approve Thanh An’s staffing proposal and shows the office’s quota rise', async () => {
    await everyServiceProjectedTheTerritory(['reform'], 600_000);
    const office = await thanhAnOfficeWithQuota();
    const proposal = await appraisedProposal(office, 2, '2026-03-10');
    const tab = await openConsole(browser, DEMO_USERS.hcmcAdmin, '/proposals');
    const row = tab.page.locator('tbody tr', { hasText: 'Đề án tăng biên chế Văn phòng – Thống kê' }).first();
    await row.locator('[data-testid="organization-quota"]', { hasText: '10' }).waitFor();
    await row.locator('button[name="approve"]').click();
    await row.locator('input[name="decisionNumber"]').fill('45/QĐ-UBND');
    await row.locator('input[name="signer"]').fill('Chủ tịch UBND Thành phố');
    const approvedAt = Date.now();
    await row.locator('button[name="confirm"]').click();
    const handled = tab.page.locator('[data-testid="handled-proposal"]');
    await handled.locator('[data-testid="handled-status"][data-status="APPLIED"]').waitFor({ timeout: 60_000 });
    await handled.locator('[data-testid="organization-quota"]', { hasText: '12' }).waitFor({ timeout: 10_000 });
    report(`approval → APPLIED and quota 10 → 12 on the page: ${Date.now() - approvedAt} ms (proposal ${proposal})`);
    await keepScreenshot(tab.page, 'console-proposal-approved.png');
  });

  it('opens an organization of the district in 2013 with its duties, seats and quota history', async () => {
    const tab = await openConsole(browser, DEMO_USERS.districtAdmin, '/organizations?asOf=2013-09-16');
    const first = tab.page.locator('[data-testid="organization-link"]').first();
    const name = (await first.textContent())?.trim();
    await first.click();
    await tab.page.locator('[data-testid="organization-detail"]').waitFor();
    expect(await tab.page.locator('[data-testid="organization-name"]').textContent()).toContain(name);
    await keepScreenshot(tab.page, 'console-organization.png');
  });

  it('shows Dầu Tiếng’s 2024 ratings as the quality report, and its plans rolled up at the end of 2020', async () => {
    const tab = await openConsole(browser, DEMO_USERS.districtAdmin, '/evaluations?asOf=2025-01-31&year=2024');
    await tab.page.locator('[data-testid="total-rated"]', { hasText: '108' }).waitFor();
    expect(await tab.page.locator('[data-testid="rating-chart"]').count()).toBe(1);
    await keepScreenshot(tab.page, 'console-ratings-2024.png');
    await tab.page.goto(`${new URL(tab.page.url()).origin}/plans?asOf=2020-12-31`);
    await tab.page.locator('[data-testid="progress-completed"]', { hasText: '32' }).waitFor();
    expect(await tab.page.locator('[data-testid="progress-overdue"]').textContent()).toContain('4');
    await keepScreenshot(tab.page, 'console-plans-2020.png');
  });

  it('opens a person’s e-file from the people of the district, personal data masked for its admin', async () => {
    const tab = await openConsole(browser, DEMO_USERS.districtAdmin, '/people');
    const first = tab.page.locator('[data-testid="person-link"]').first();
    const name = (await first.textContent())?.trim() ?? '';
    await first.click();
    await tab.page.locator('[data-testid="person-name"]', { hasText: name }).waitFor();
    expect(await tab.page.getAttribute('[data-testid="personal-data"]', 'data-masked')).toBe('true');
    await keepScreenshot(tab.page, 'console-person-file.png');
  });

  it('lists the city’s accounts and today’s approval in its audit trail for the city’s admin', async () => {
    const tab = await openConsole(browser, DEMO_USERS.hcmcAdmin, '/users');
    await tab.page.locator('[data-testid="user-username"]', { hasText: DEMO_USERS.hcmcOrganizationBoard }).waitFor();
    await keepScreenshot(tab.page, 'console-accounts.png');
    await tab.page.goto(`${new URL(tab.page.url()).origin}/audit?operation=approveStaffingProposal`);
    await tab.page.locator('[data-testid="audit-operation"]', { hasText: 'approveStaffingProposal' }).first().waitFor();
    await keepScreenshot(tab.page, 'console-audit.png');
  });

  it('lets the city invite an officer for Thanh An, shows the temporary password once, and disables the account', async () => {
    const realm = new RealmAdmin({ url: infrastructure.keycloakUrl, realm: infrastructure.keycloakRealm, clientId: 'platform-admin', clientSecret: infrastructure.keycloakAdminClientSecret });
    const username = `console.thanhan.${Date.now().toString(36)}`;
    const tab = await openConsole(browser, DEMO_USERS.hcmcAdmin, '/users?unit=25807');
    try {
      await tab.page.click('button[name="invite"]');
      const form = tab.page.locator('[data-testid="invite-form"]');
      await form.locator('input[name="username"]').fill(username);
      await form.locator('input[name="lastName"]').fill('Nguyễn');
      await form.locator('input[name="firstName"]').fill('Văn Thử');
      await form.locator('select[name="role"]').selectOption('commune-officer');
      await form.locator('input[name="decisionNumber"]').fill('12/QĐ-UBND');
      await form.locator('input[name="signer"]').fill('Chủ tịch UBND Thành phố');
      await form.locator('button[name="confirmInvite"]').click();
      await tab.page.locator('[data-testid="credential-username"]', { hasText: username }).waitFor();
      expect((await tab.page.locator('[data-testid="temporary-password"]').first().textContent())?.length).toBeGreaterThanOrEqual(12);
      await keepScreenshot(tab.page, 'console-account-invited.png');
      await tab.page.click('button[name="closeCredentials"]');
      const row = tab.page.locator('tbody tr', { has: tab.page.locator('[data-testid="user-username"]', { hasText: username }) });
      await row.locator('button[name="disableUser"]').click();
      await tab.page.locator('[data-testid="user-action-form"] input[name="decisionNumber"]').fill('13/QĐ-UBND');
      await tab.page.locator('[data-testid="user-action-form"] input[name="signer"]').fill('Chủ tịch UBND Thành phố');
      await tab.page.click('[data-testid="user-action-form"] button[name="confirmAction"]');
      await row.locator('[data-testid="user-enabled"][data-enabled="false"]').waitFor();
      expect((await realm.userNamed(username))?.enabled).toBe(false);
    } finally {
      const created = await realm.userNamed(username);
      if (created) await realm.deleteUser(created.id);
    }
  });
});
