// The production realm, derived from the one realm file (infra/keycloak/political-system-realm.json,
// relaxed for local work and tests): `hardenRealm` returns a hardened copy; the file is never edited.
// Used by infra/k8s/realm-import.mjs; checked in a real Keycloak by gateway/test/realm-hardened.int-spec.ts.

/** Passwords of at least 12 characters from three classes, not the username or e-mail, not one of the last 5. */
export const PASSWORD_POLICY =
  'length(12) and maxLength(128) and lowerCase(1) and upperCase(1) and digits(1) and notUsername(undefined) and notEmail(undefined) and passwordHistory(5)';

/**
 * Brute-force protection that slows a guesser without handing a stranger a switch to lock a known
 * user out for good: temporary lockouts only, growing by a minute per 10 failures, never longer than
 * 5 minutes; two failures within a second cost a minute.
 */
const BRUTE_FORCE = {
  bruteForceProtected: true,
  permanentLockout: false,
  failureFactor: 10,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 300,
  quickLoginCheckMilliSeconds: 1000,
  minimumQuickLoginWaitSeconds: 60,
  maxDeltaTimeSeconds: 43200,
};

/** Sign-in and administration events kept 90 days (also written to the server log). */
const EVENTS = {
  eventsEnabled: true,
  eventsExpiration: 90 * 24 * 3600,
  eventsListeners: ['jboss-logging'],
  adminEventsEnabled: true,
  adminEventsDetailsEnabled: true,
};

/** Personal data (name, e-mail) only in the ID token and userinfo; the access token keeps the account name for the audit trail. */
const PERSONAL_DATA_MAPPERS = [
  mapper('full name', 'oidc-full-name-mapper', { 'id.token.claim': 'true', 'access.token.claim': 'false', 'userinfo.token.claim': 'true' }),
  mapper('email', 'oidc-usermodel-property-mapper', { 'user.attribute': 'email', 'claim.name': 'email', 'jsonType.label': 'String', 'id.token.claim': 'true', 'access.token.claim': 'false', 'userinfo.token.claim': 'true' }),
  mapper('username', 'oidc-usermodel-property-mapper', { 'user.attribute': 'username', 'claim.name': 'preferred_username', 'jsonType.label': 'String', 'id.token.claim': 'true', 'access.token.claim': 'true', 'userinfo.token.claim': 'true' }),
];

/** The client scopes every token of the console gets: no `profile` or `email` (their claims go to the access token too). */
const CONSOLE_DEFAULT_SCOPES = ['web-origins', 'acr', 'roles', 'basic'];

/**
 * A hardened copy of `realm`: HTTPS everywhere, the password policy, bounded lockouts, events kept,
 * no password grant on any client and no literal client secret, refresh tokens rotated and never
 * reused, no offline access by default, the console's tokens carrying the platform's roles only
 * (so `aud` is `platform-api` alone, not Keycloak's account console), personal data only in the
 * ID token.
 */
export function hardenRealm(source) {
  const realm = structuredClone(source);
  Object.assign(realm, { sslRequired: 'all', passwordPolicy: PASSWORD_POLICY, revokeRefreshToken: true, refreshTokenMaxReuse: 0 }, BRUTE_FORCE, EVENTS);
  const defaultRole = (realm.roles?.realm ?? []).find((role) => role.name === realm.defaultRole?.name);
  if (defaultRole) defaultRole.composites = { realm: (defaultRole.composites?.realm ?? []).filter((role) => role !== 'offline_access') };
  for (const client of realm.clients ?? []) {
    client.directAccessGrantsEnabled = false;
    if (typeof client.secret === 'string') delete client.secret;
    if (client.clientId === 'console') {
      client.fullScopeAllowed = false;
      client.defaultClientScopes = [...CONSOLE_DEFAULT_SCOPES];
      client.optionalClientScopes = [];
      client.protocolMappers = [...(client.protocolMappers ?? []).filter((existing) => !PERSONAL_DATA_MAPPERS.some((added) => added.name === existing.name)), ...PERSONAL_DATA_MAPPERS];
    }
  }
  realm.scopeMappings = [...(realm.scopeMappings ?? []).filter((mapping) => mapping.client !== 'console'), { client: 'console', roles: platformRoles(realm) }];
  return realm;
}

/** The realm's own roles (tier × capability, the national recorder), without Keycloak's defaults. */
function platformRoles(realm) {
  const keycloakOwn = new Set(['offline_access', 'uma_authorization', realm.defaultRole?.name]);
  return (realm.roles?.realm ?? []).map((role) => role.name).filter((name) => !keycloakOwn.has(name));
}

function mapper(name, protocolMapper, config) {
  return { name, protocol: 'openid-connect', protocolMapper, consentRequired: false, config: { 'introspection.token.claim': 'true', 'lightweight.claim': 'false', ...config } };
}
