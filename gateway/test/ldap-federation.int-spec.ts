import { execFileSync } from 'node:child_process';
import { DEMO_USERS, eventually, graphqlRequest, infrastructure, runInfraScript, tokenFor, type StartedProcess } from '@ps/testing';
import { gatewayUrl, PLATFORM_START_TIMEOUT_MS, startPlatform, stopPlatform } from './platform';

/**
 * User federation with a real directory: a private OpenLDAP (Debian's slapd, infra/local/ldap.sh)
 * holding the city's officials, federated into the realm for the test's duration exactly as the
 * README tells an IT center to do it (an LDAP provider, the unit code from `departmentNumber`, the
 * roles from groups). Its officials sign in with the directory's password and the platform reads
 * only their token; the directory stays the authority on who serves where.
 */
const LDAP_URL = 'ldap://127.0.0.1:3890';
const SUFFIX = 'dc=tphcm,dc=gov,dc=vn';
const BIND_DN = `cn=admin,${SUFFIX}`;
const BIND_PASSWORD = 'ldap-local-secret';
const CACHE_LIFESPAN_MS = 1000;
const realmAdminUrl = `${infrastructure.keycloakUrl}/admin/realms/${infrastructure.keycloakRealm}`;
let adminToken = '';
let providerId = '';
let platform: StartedProcess[] = [];

async function admin(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${realmAdminUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** A component under the realm (or under the provider), as the admin console creates it; answers its id. */
async function component(body: Record<string, unknown>): Promise<string> {
  const response = await admin('/components', { method: 'POST', body });
  expect(response.status).toBe(201);
  return response.headers.get('location')?.split('/').pop() ?? '';
}

/** The password grant on the local test client, as the directory's official signs in. */
async function signIn(username: string, password: string): Promise<{ status: number; token: string | null }> {
  const response = await fetch(`${infrastructure.keycloakUrl}/realms/${infrastructure.keycloakRealm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: infrastructure.keycloakClientId, client_secret: infrastructure.keycloakClientSecret, username, password }),
  });
  return { status: response.status, token: ((await response.json()) as { access_token?: string }).access_token ?? null };
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { unit_code?: string; realm_access: { roles: string[] } };

beforeAll(async () => {
  runInfraScript('ldap.sh', ['start']);
  const answer = await fetch(`${infrastructure.keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
  });
  adminToken = ((await answer.json()) as { access_token: string }).access_token;
  const { id: realmId } = (await (await admin('')).json()) as { id: string };
  providerId = await component({
    name: 'ldap-tphcm-test',
    providerId: 'ldap',
    providerType: 'org.keycloak.storage.UserStorageProvider',
    parentId: realmId,
    config: {
      enabled: ['true'], vendor: ['other'], connectionUrl: [LDAP_URL], bindDn: [BIND_DN], bindCredential: [BIND_PASSWORD], authType: ['simple'],
      usersDn: [`ou=people,${SUFFIX}`], userObjectClasses: ['inetOrgPerson'], usernameLDAPAttribute: ['uid'], rdnLDAPAttribute: ['uid'],
      uuidLDAPAttribute: ['entryUUID'], searchScope: ['1'], editMode: ['READ_ONLY'], importEnabled: ['true'], syncRegistrations: ['false'],
      trustEmail: ['true'], pagination: ['false'],
      // What Keycloak remembers of a directory account lives this long (the README suggests a minute; a second here).
      cachePolicy: ['MAX_LIFESPAN'], maxLifespan: [String(CACHE_LIFESPAN_MS)],
    },
  });
  await component({
    name: 'unit_code', providerId: 'user-attribute-ldap-mapper', providerType: 'org.keycloak.storage.ldap.mappers.LDAPStorageMapper', parentId: providerId,
    config: { 'user.model.attribute': ['unit_code'], 'ldap.attribute': ['departmentNumber'], 'read.only': ['true'], 'always.read.value.from.ldap': ['true'], 'is.mandatory.in.ldap': ['false'] },
  });
  await component({
    name: 'platform roles', providerId: 'role-ldap-mapper', providerType: 'org.keycloak.storage.ldap.mappers.LDAPStorageMapper', parentId: providerId,
    config: {
      'roles.dn': [`ou=roles,${SUFFIX}`], 'role.name.ldap.attribute': ['cn'], 'role.object.classes': ['groupOfNames'], 'membership.ldap.attribute': ['member'],
      'membership.attribute.type': ['DN'], 'membership.user.ldap.attribute': ['uid'], mode: ['READ_ONLY'], 'user.roles.retrieve.strategy': ['LOAD_ROLES_BY_MEMBER_ATTRIBUTE'],
      'use.realm.roles.mapping': ['true'],
    },
  });
  const synced = await admin(`/user-storage/${providerId}/sync?action=triggerFullSync`, { method: 'POST' });
  expect(synced.status).toBe(200);
  platform = await startPlatform({ services: ['organization'] });
}, PLATFORM_START_TIMEOUT_MS);

afterAll(async () => {
  // Removing the provider removes the accounts it brought; the realm is as before.
  if (providerId) await admin(`/components/${providerId}`, { method: 'DELETE' });
  await stopPlatform(platform);
  runInfraScript('ldap.sh', ['stop']);
});

describe('officials from the city’s directory', () => {
  it('sign in with the directory’s password; the token carries the unit and role the directory holds', async () => {
    const signedIn = await signIn('ldap.thanhan', 'Thanh-An-Ldap-2026');
    expect(signedIn.status).toBe(200);
    const claims = claimsOf(signedIn.token!);
    expect(claims.unit_code).toBe('25807');
    expect(claims.realm_access.roles).toContain('commune-admin');
    const own = await graphqlRequest<{ unit: { code: string } }>(gatewayUrl, '{ unit(code: "25807") { code name } }', { token: signedIn.token! });
    expect(own.data?.unit).toEqual({ code: '25807', name: 'Xã Thanh An' });
    const city = await graphqlRequest(gatewayUrl, '{ unit(code: "79") { code } }', { token: signedIn.token! });
    expect(city.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'OUTSIDE_TERRITORY' } });
    expect((await signIn('ldap.thanhan', 'wrong-password')).status).toBe(401);
  });

  it('are among the commune’s accounts for the city’s administrator, the one without a role in the directory without one here', async () => {
    const listed = await graphqlRequest<{ users: Array<{ username: string; roles: string[]; unitCode: string }> }>(gatewayUrl, '{ users(unitCode: "25807") { username roles unitCode } }', {
      token: await tokenFor(DEMO_USERS.hcmcAdmin),
    });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.users).toEqual(expect.arrayContaining([
      { username: 'ldap.thanhan', roles: ['commune-admin'], unitCode: '25807' },
      { username: 'ldap.retired', roles: [], unitCode: '25807' },
    ]));
    const unassigned = await signIn('ldap.retired', 'Retired-Ldap-2026');
    const answer = await graphqlRequest(gatewayUrl, '{ unit(code: "25807") { code } }', { token: unassigned.token! });
    expect(answer.status).toBe(403);
  });

  it('follow the directory: moved there to another ward, their next token after the cache’s lifespan carries the new unit', async () => {
    execFileSync('ldapmodify', ['-x', '-H', LDAP_URL, '-D', BIND_DN, '-w', BIND_PASSWORD], {
      input: `dn: uid=ldap.thanhan,ou=people,${SUFFIX}\nchangetype: modify\nreplace: departmentNumber\ndepartmentNumber: 25810\n`,
    });
    const moved = await eventually(async () => {
      const signedIn = await signIn('ldap.thanhan', 'Thanh-An-Ldap-2026');
      return claimsOf(signedIn.token!).unit_code === '25810' ? signedIn : undefined;
    }, { what: 'the directory’s new unit in the token', timeoutMs: CACHE_LIFESPAN_MS + 5_000, intervalMs: 250 });
    expect(moved.status).toBe(200);
  });
});
