import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** serve.mjs on a built folder of its own: the console's files, its /config.json, and nothing else. */
const dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(dist, 'assets', 'app-1234.js'), 'export {};');
const port = 20_000 + (process.pid % 10_000);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess;

beforeAll(async () => {
  server = spawn(process.execPath, [join(__dirname, '..', 'serve.mjs')], {
    env: { ...process.env, CONSOLE_DIST: dist, CONSOLE_PORT: String(port), GATEWAY_URL: 'https://api.example.gov.vn/graphql', KEYCLOAK_URL: 'https://sso.example.gov.vn' },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await fetch(`${base}/health/ready`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(() => server.kill());

describe('the console’s server', () => {
  it('tells the browser where this environment’s Keycloak and gateway are, never cached', async () => {
    const response = await fetch(`${base}/config.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ keycloakUrl: 'https://sso.example.gov.vn', realm: 'political-system', clientId: 'console', gatewayUrl: 'https://api.example.gov.vn/graphql' });
  });

  it('serves the built files, answers the console’s own routes with index.html, and nothing outside its folder', async () => {
    const asset = await fetch(`${base}/assets/app-1234.js`);
    expect([asset.status, asset.headers.get('content-type'), asset.headers.get('cache-control')]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    for (const path of ['/statistics?unit=720', '/%2e%2e/serve.mjs', '/..%2fpackage.json', '/assets/../../package.json', '/%E0%A4%A', '/%00']) {
      const response = await fetch(`${base}${path}`);
      expect([path, response.status, await response.text()]).toEqual([path, 200, '<!doctype html><title>console</title>']);
    }
    const page = await fetch(`${base}/`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' https://sso.example.gov.vn https://api.example.gov.vn");
  });

  it('refuses anything but reading', async () => {
    const response = await fetch(`${base}/config.json`, { method: 'POST', body: '{}' });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});
