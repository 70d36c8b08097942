import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { DEMO_USERS, graphqlRequest, infrastructure, recreateTestDatabase, serviceTestEnv, tokenFor } from '@ps/testing';
import { seedDemoTerritory } from '../src/seed/demo-territory';
import { organizationService } from '../src/service';
import { accountChange as change, claimsOf, configureAccountAdministration, realm, refusal } from './account.support';

/**
 * Client apps against the real Keycloak: registered by the tier above for a unit of its territory,
 * a confidential client whose client-credentials tokens carry that unit and the unit's viewer (or
 * officer) role, audited, revoked. The territory is Bình Dương before the 2025 reorganisation.
 */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('organization', 'ps_organization_apps_test'));
let service: RunningService;
const registered: string[] = [];

const ask = async <T>(user: string, query: string, variables: Record<string, unknown> = {}, token?: string) =>
  graphqlRequest<T>(service.url, query, { token: token ?? (await tokenFor(user)), variables });
const auditRows = async (): Promise<number> => (await service.dataSource.query('SELECT count(*)::int AS n FROM audit_log'))[0].n;

const APP_FIELDS = 'clientId name unitCode unitName capability enabled registeredBy';
const REGISTER = `mutation ($input: RegisterClientAppInput!, $change: AccountChangeInput!) { registerClientApp(input: $input, change: $change) { clientSecret tokenUrl app { ${APP_FIELDS} } } }`;
const REVOKE = `mutation ($clientId: ID!, $change: AccountChangeInput!) { revokeClientApp(clientId: $clientId, change: $change) { ${APP_FIELDS} } }`;
type Registered = { registerClientApp: { clientSecret: string; tokenUrl: string; app: { clientId: string; capability: string } } };

const register = (by: string, input: Record<string, unknown>, number: string) =>
  ask<Registered>(by, REGISTER, { input: { name: 'Cổng dịch vụ công', ...input }, change: change(number) }).then((response) => {
    if (response.data) registered.push(response.data.registerClientApp.app.clientId);
    return response;
  });

/** The app's token request, as the agency's system makes it: HTTP status and, when issued, the token. */
async function clientCredentials(tokenUrl: string, clientId: string, clientSecret: string): Promise<{ status: number; token: string | null }> {
  const response = await fetch(tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }) });
  const body = (await response.json()) as { access_token?: string };
  return { status: response.status, token: body.access_token ?? null };
}

beforeAll(async () => {
  configureAccountAdministration();
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(organizationService, env);
  await seedDemoTerritory(service.dataSource);
});

afterAll(async () => {
  for (const clientId of registered) {
    const app = await realm.clientApp(clientId).catch(() => null);
    if (app) await realm.revokeClientApp(app).catch(() => undefined);
  }
  await service?.stop();
});

describe('a client app of An Lập, registered by the province', () => {
  let app = { clientId: '', secret: '', tokenUrl: '' };

  it('is a confidential client whose token carries An Lập and the commune’s viewer role; the registration is audited', async () => {
    const response = await register(DEMO_USERS.provinceAdmin, { unitCode: '25801', name: 'Cổng dịch vụ công xã An Lập' }, 'QĐ-UD/1');
    expect(response.errors).toBeUndefined();
    const { clientSecret, tokenUrl, app: created } = response.data!.registerClientApp;
    expect(created).toMatchObject({ name: 'Cổng dịch vụ công xã An Lập', unitCode: '25801', unitName: 'Xã An Lập', capability: 'READ', enabled: true, registeredBy: DEMO_USERS.provinceAdmin });
    expect(created.clientId).toMatch(/^app-25801-[0-9a-f]{8}$/);
    expect(tokenUrl).toBe(`${infrastructure.keycloakUrl}/realms/${infrastructure.keycloakRealm}/protocol/openid-connect/token`);
    app = { clientId: created.clientId, secret: clientSecret, tokenUrl };

    const issued = await clientCredentials(tokenUrl, app.clientId, app.secret);
    expect(issued.status).toBe(200);
    const claims = claimsOf<{ unit_code: string; azp: string; aud: string | string[]; realm_access: { roles: string[] } }>(issued.token!);
    expect(claims).toMatchObject({ unit_code: '25801', azp: app.clientId });
    expect([claims.aud].flat()).toContain('platform-api');
    expect(claims.realm_access.roles.filter((role) => /-(admin|officer|viewer)$/.test(role))).toEqual(['commune-viewer']);

    const [row] = await service.dataSource.query(
      "SELECT operation, username, target_type AS type, unit_code AS unit, decision->>'number' AS decision FROM audit_log WHERE target_id = $1",
      [app.clientId],
    );
    expect(row).toEqual({ operation: 'registerClientApp', username: DEMO_USERS.provinceAdmin, type: 'ClientApp', unit: '25801', decision: 'QĐ-UD/1' });
    const listed = await ask<{ clientApps: Array<{ clientId: string }> }>(DEMO_USERS.districtAdmin, `{ clientApps(unitCode: "25801") { ${APP_FIELDS} } }`);
    expect(listed.data?.clientApps.map((listedApp) => listedApp.clientId)).toContain(app.clientId);
  });

  it('reads An Lập with its token and nothing else, and writes nothing', async () => {
    const { token } = await clientCredentials(app.tokenUrl, app.clientId, app.secret);
    const own = await ask<{ unit: { code: string } }>('', '{ unit(code: "25801") { code name } }', {}, token!);
    expect(own.data?.unit).toEqual({ code: '25801', name: 'Xã An Lập' });
    const siblings = await ask<{ units: Array<{ code: string }> }>('', '{ units(parentCode: "720") { code } }', {}, token!);
    expect(siblings.data?.units).toEqual([{ code: '25801' }]);
    for (const code of ['25789', '720', '74', '79']) expect(refusal(await ask('', `{ unit(code: "${code}") { code } }`, {}, token!))).toEqual({ code: 'FORBIDDEN', reason: 'OUTSIDE_TERRITORY' });
    const write = await ask('', 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { unitCode: '25801', kind: 'DEPARTMENT', name: 'Phòng Kinh tế', change: { effectiveDate: '2026-02-01', reason: 'Kiện toàn', decision: { number: '1/QĐ', date: '2026-01-15', signer: 'Chủ tịch UBND' } } },
    }, token!);
    expect(refusal(write)).toEqual({ code: 'FORBIDDEN', reason: 'CAPABILITY' });
  });

  it('after revocation by the district gets no token, and Keycloak reports its last token inactive', async () => {
    const { token } = await clientCredentials(app.tokenUrl, app.clientId, app.secret);
    const revoked = await ask<{ revokeClientApp: { enabled: boolean } }>(DEMO_USERS.districtAdmin, REVOKE, { clientId: app.clientId, change: change('QĐ-UD/2') });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeClientApp).toMatchObject({ clientId: app.clientId, enabled: false });
    const refused = await clientCredentials(app.tokenUrl, app.clientId, app.secret);
    expect(refused).toEqual({ status: expect.any(Number), token: null });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const introspection = await fetch(`${app.tokenUrl}/introspect`, {
      method: 'POST',
      body: new URLSearchParams({ token: token!, client_id: infrastructure.keycloakClientId, client_secret: infrastructure.keycloakClientSecret }),
    });
    expect(((await introspection.json()) as { active: boolean }).active).toBe(false);
    const operations = await service.dataSource.query('SELECT operation, username FROM audit_log WHERE target_id = $1 ORDER BY id', [app.clientId]);
    expect(operations).toEqual([
      { operation: 'registerClientApp', username: DEMO_USERS.provinceAdmin },
      { operation: 'revokeClientApp', username: DEMO_USERS.districtAdmin },
    ]);
  });
});

describe('who registers what', () => {
  it('refuses the unit itself, a unit beside or outside, and a non-administrator; writes nothing', async () => {
    const before = await auditRows();
    const apps = (await realm.clientApps('app-')).length;
    const cases: Array<[string, string, { code: string; reason: string }]> = [
      [DEMO_USERS.anLapAdmin, '25801', { code: 'FORBIDDEN', reason: 'APP_BY_TIER_ABOVE' }],
      [DEMO_USERS.dinhAnAdmin, '25801', { code: 'FORBIDDEN', reason: 'OUTSIDE_TERRITORY' }],
      [DEMO_USERS.provinceAdmin, '79', { code: 'FORBIDDEN', reason: 'OUTSIDE_TERRITORY' }],
      [DEMO_USERS.districtOfficer, '25801', { code: 'FORBIDDEN', reason: 'CAPABILITY' }],
    ];
    for (const [by, unitCode, expected] of cases) {
      const response = await register(by, { unitCode }, 'QĐ-UD/9');
      expect([by, unitCode, refusal(response)]).toEqual([by, unitCode, expected]);
    }
    expect((await realm.clientApps('app-')).length).toBe(apps);
    expect(await auditRows()).toBe(before);
  });

  it('lets a writing app record as the commune’s officer, audited under its own name', async () => {
    const response = await register(DEMO_USERS.districtAdmin, { unitCode: '25789', name: 'Phần mềm một cửa Định An', capability: 'WRITE' }, 'QĐ-UD/3');
    expect(response.errors).toBeUndefined();
    const { clientSecret, tokenUrl, app } = response.data!.registerClientApp;
    expect(app.capability).toBe('WRITE');
    const decided = (number: string) => ({ effectiveDate: '2026-02-01', reason: 'Kiện toàn', decision: { number, date: '2026-01-15', signer: 'Chủ tịch UBND' } });
    const office = await ask<{ createOrganization: { id: string } }>(DEMO_USERS.districtAdmin, 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
      input: { unitCode: '25789', kind: 'DEPARTMENT', name: 'Bộ phận một cửa', change: decided('2/QĐ') },
    });
    const { token } = await clientCredentials(tokenUrl, app.clientId, clientSecret);
    const seat = await ask<{ addSeat: { id: string } }>('', 'mutation ($id: ID!, $input: AddSeatInput!) { addSeat(organizationId: $id, input: $input) { id } }', {
      id: office.data?.createOrganization.id, input: { title: 'Công chức tiếp nhận hồ sơ', selection: 'APPOINTED', capacity: 2, change: decided('3/QĐ') },
    }, token!);
    expect(seat.errors).toBeUndefined();
    const [row] = await service.dataSource.query('SELECT username, role, actor_unit_code AS unit FROM audit_log WHERE target_id = $1', [seat.data!.addSeat.id]);
    expect(row).toEqual({ username: `service-account-${app.clientId}`, role: 'commune-officer', unit: '25789' });
  });
});
