import { createServer } from 'node:net';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { infrastructure, recreateTestDatabase, serviceTestEnv } from '@ps/testing';
import { reformService } from '../src/service';

/**
 * Readiness follows the realm's signing keys, against the real Keycloak: a pod that cannot fetch
 * them takes no traffic; one that has them is ready. Two reform instances share one test database.
 */
const DATABASE = 'ps_reform_readiness_test';
const running: RunningService[] = [];

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function reformWith(keycloakUrl: string): Promise<RunningService> {
  const env = loadEnv(serviceEnvSchema, { ...serviceTestEnv('reform', DATABASE), KEYCLOAK_URL: keycloakUrl });
  const service = await startService(reformService, env);
  running.push(service);
  return service;
}

async function readiness(service: RunningService) {
  const response = await fetch(service.url.replace('/graphql', '/health/ready'));
  const body = (await response.json()) as { status: string; checks: Array<Record<string, unknown>> };
  return { status: response.status, body, keys: body.checks.find((check) => check.name === 'signing-keys') };
}

beforeAll(() => recreateTestDatabase(infrastructure.databaseUrl(DATABASE)), 60_000);
afterAll(async () => {
  for (const service of running) await service.stop();
});

it('is not ready while its Keycloak cannot be reached, and says why', async () => {
  const service = await reformWith(`http://127.0.0.1:${await closedPort()}`);
  const { status, body, keys } = await readiness(service);
  expect(status).toBe(503);
  expect(body.status).toBe('not-ready');
  expect(body.checks.find((check) => check.name === 'database')).toEqual({ name: 'database', ok: true });
  expect(keys).toMatchObject({ ok: false, keyIds: [], fetchedAt: null, error: expect.stringMatching(/signing keys have not been fetched: fetch failed: connect ECONNREFUSED/) });
}, 60_000);

it("becomes ready once it holds the real realm's signing keys", async () => {
  const service = await reformWith(infrastructure.keycloakUrl);
  const { status, body, keys } = await readiness(service);
  expect(status).toBe(200);
  expect(body.status).toBe('ready');
  expect(keys).toEqual({ name: 'signing-keys', ok: true, keyIds: expect.arrayContaining([expect.any(String)]), fetchedAt: expect.any(String), lastFailure: null });
  const certs = (await (await fetch(`${infrastructure.keycloakUrl}/realms/${infrastructure.keycloakRealm}/protocol/openid-connect/certs`)).json()) as { keys: Array<{ kid: string; kty: string; use?: string }> };
  const signing = certs.keys.filter((key) => key.kty === 'RSA' && (key.use ?? 'sig') === 'sig').map((key) => key.kid);
  expect([...(keys?.keyIds as string[])].sort()).toEqual(signing.sort());
}, 60_000);
