import { DEMO_USERS, eventually, graphqlRequest, queryDatabase, tokenFor, type StartedProcess } from '@ps/testing';
import { databaseOf, gatewayUrl, startPlatform, stopPlatform } from './platform';

/**
 * Another agency's system as a caller of the gateway: a client app registered by the city for Thanh
 * An, its client-credentials token read through the gateway (that commune and nothing else), its own
 * rate budget, and revocation (no new token, the last one refused within seconds). Today's territory:
 * Bình Dương and its districts ceased on 1 July 2025, Thanh An belongs to the city.
 */
const APP_REQUESTS = 12;
let platform: StartedProcess[] = [];
let otherProvinceWard = '';
let cityWard = '';

const change = (number: string) => ({ reason: 'Kết nối hệ thống một cửa', decision: { number, date: '2026-11-20', signer: 'Chủ tịch UBND Thành phố' } });
const REGISTER = 'mutation ($input: RegisterClientAppInput!, $change: AccountChangeInput!) { registerClientApp(input: $input, change: $change) { clientSecret tokenUrl app { clientId unitCode capability enabled } } }';
const asUser = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) => graphqlRequest<T>(gatewayUrl, query, { token: await tokenFor(username), variables });
const refusal = (response: { status?: number; errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
  code: response.errors?.[0]?.extensions?.code,
  reason: (response.errors?.[0]?.extensions?.details as { reason?: string } | undefined)?.reason,
});

async function clientCredentials(tokenUrl: string, clientId: string, clientSecret: string): Promise<{ status: number; token: string | null }> {
  const response = await fetch(tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }) });
  return { status: response.status, token: ((await response.json()) as { access_token?: string }).access_token ?? null };
}

beforeAll(async () => {
  platform = await startPlatform({ services: ['organization'], gatewayEnv: { RATE_LIMIT_APP_REQUESTS: String(APP_REQUESTS) } });
  const [ward] = await queryDatabase<{ code: string }>(
    databaseOf('organization'),
    "SELECT code FROM administrative_unit WHERE tier = 'COMMUNE' AND path <@ '01' AND valid_to IS NULL ORDER BY code LIMIT 1",
  );
  otherProvinceWard = ward.code;
  const [sibling] = await queryDatabase<{ code: string }>(
    databaseOf('organization'),
    "SELECT code FROM administrative_unit WHERE tier = 'COMMUNE' AND path <@ '79' AND code <> '25807' AND valid_to IS NULL ORDER BY code LIMIT 1",
  );
  cityWard = sibling.code;
}, 300_000);

afterAll(() => stopPlatform(platform));

describe('a client app of Thanh An through the gateway', () => {
  let app = { clientId: '', secret: '', tokenUrl: '' };

  it('is registered by the city; Bình Dương, ceased, registers nothing', async () => {
    const response = await asUser<{ registerClientApp: { clientSecret: string; tokenUrl: string; app: { clientId: string } } }>(DEMO_USERS.hcmcAdmin, REGISTER, {
      input: { unitCode: '25807', name: 'Phần mềm một cửa xã Thanh An' }, change: change('80/QĐ-UBND'),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.registerClientApp.app).toMatchObject({ unitCode: '25807', capability: 'READ', enabled: true });
    const { clientSecret, tokenUrl, app: { clientId } } = response.data!.registerClientApp;
    app = { clientId, secret: clientSecret, tokenUrl };
    const ceased = await asUser(DEMO_USERS.provinceAdmin, REGISTER, { input: { unitCode: '25807', name: 'x' }, change: change('81/QĐ-UBND') });
    expect(refusal(ceased)).toEqual({ code: 'FORBIDDEN', reason: 'UNIT_CEASED' });
  });

  it('reads Thanh An with its client-credentials token, and nothing else', async () => {
    const { token } = await clientCredentials(app.tokenUrl, app.clientId, app.secret);
    const read = (query: string) => graphqlRequest<{ unit: { code: string; name: string } | null }>(gatewayUrl, query, { token: token! });
    expect((await read('{ unit(code: "25807") { code name } }')).data?.unit).toEqual({ code: '25807', name: 'Xã Thanh An' });
    for (const code of ['79', cityWard, otherProvinceWard]) {
      expect([code, refusal(await read(`{ unit(code: "${code}") { code name } }`))]).toEqual([code, { code: 'FORBIDDEN', reason: 'OUTSIDE_TERRITORY' }]);
    }
    const accounts = await graphqlRequest(gatewayUrl, '{ users(unitCode: "25807") { username } }', { token: token! });
    expect(refusal(accounts)).toEqual({ code: 'FORBIDDEN', reason: 'CAPABILITY' });
  });

  it('has its own rate budget: the app is held back, the commune’s people are not', async () => {
    const { token } = await clientCredentials(app.tokenUrl, app.clientId, app.secret);
    const statuses: number[] = [];
    for (let request = 0; request < APP_REQUESTS + 2; request += 1) {
      statuses.push((await graphqlRequest(gatewayUrl, '{ unit(code: "25807") { code } }', { token: token! })).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.slice(-1)).toEqual([429]);
    expect((await asUser(DEMO_USERS.thanhAnAdmin, '{ unit(code: "25807") { code } }')).status).toBe(200);
  });

  it('after revocation gets no new token, and its last one is refused within 5 s', async () => {
    const { token } = await clientCredentials(app.tokenUrl, app.clientId, app.secret);
    const revoked = await asUser<{ revokeClientApp: { enabled: boolean } }>(DEMO_USERS.hcmcAdmin, 'mutation ($id: ID!, $change: AccountChangeInput!) { revokeClientApp(clientId: $id, change: $change) { enabled } }', {
      id: app.clientId, change: change('82/QĐ-UBND'),
    });
    expect(revoked.data?.revokeClientApp.enabled).toBe(false);
    const revokedAt = Date.now();
    expect((await clientCredentials(app.tokenUrl, app.clientId, app.secret)).token).toBeNull();
    const refused = await eventually(async () => {
      const answer = await graphqlRequest(gatewayUrl, '{ __typename }', { token: token! });
      return answer.status === 401 ? answer : undefined;
    }, { what: 'the revoked app’s token refused by the gateway', timeoutMs: 5_000, intervalMs: 100 });
    process.stdout.write(`[client app] revocation → its token refused by the gateway: ${Date.now() - revokedAt} ms\n`);
    expect(refused.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', details: { reason: 'TOKEN_SESSION_ENDED' } });
  });
});
