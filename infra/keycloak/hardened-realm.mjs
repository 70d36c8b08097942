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

/** A role every administrator role includes: the browser sign-in asks them for a one-time code (TOTP). */
const SECOND_FACTOR_ROLE = 'second-factor-required';
const ADMINISTRATOR_ROLE = /-admin$|^national-recorder$/;

/**
 * The browser sign-in: the session cookie, or the username and password form followed, for a user
 * holding an administrator role, by the one-time code (set up at the first sign-in when missing).
 * Keycloak adds its own flows beside these; only `browserFlow` changes.
 */
const BROWSER_FLOW = 'platform browser';
const step = (priority, requirement, what) => ({ priority, requirement, userSetupAllowed: false, ...what });
const SECOND_FACTOR_FLOWS = [
  flow(BROWSER_FLOW, true, [step(10, 'ALTERNATIVE', { authenticator: 'auth-cookie', authenticatorFlow: false }), step(20, 'ALTERNATIVE', { flowAlias: 'platform forms', authenticatorFlow: true })]),
  flow('platform forms', false, [
    step(10, 'REQUIRED', { authenticator: 'auth-username-password-form', authenticatorFlow: false }),
    step(20, 'CONDITIONAL', { flowAlias: 'platform second factor', authenticatorFlow: true }),
  ]),
  flow('platform second factor', false, [
    step(10, 'REQUIRED', { authenticator: 'conditional-user-role', authenticatorConfig: 'administrators', authenticatorFlow: false }),
    step(20, 'REQUIRED', { authenticator: 'auth-otp-form', authenticatorFlow: false }),
  ]),
];
const SECOND_FACTOR_CONDITION = { alias: 'administrators', config: { condUserRole: SECOND_FACTOR_ROLE, negate: 'false' } };

/** The client scopes every token of the console gets: no `profile` or `email` (their claims go to the access token too). */
const CONSOLE_DEFAULT_SCOPES = ['web-origins', 'acr', 'roles', 'basic'];

/**
 * A hardened copy of `realm`: HTTPS everywhere, the password policy, bounded lockouts, events kept,
 * a one-time code (TOTP) at every sign-in of an administrator, no password grant on any client
 * and no literal client secret, refresh tokens rotated and never
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
  requireSecondFactorOfAdministrators(realm);
  realm.scopeMappings = [...(realm.scopeMappings ?? []).filter((mapping) => mapping.client !== 'console'), { client: 'console', roles: platformRoles(realm) }];
  return realm;
}

/** Every administrator role includes {@link SECOND_FACTOR_ROLE}; the browser flow asks its holders for a one-time code. */
function requireSecondFactorOfAdministrators(realm) {
  const roles = realm.roles.realm;
  for (const role of roles.filter((candidate) => ADMINISTRATOR_ROLE.test(candidate.name))) {
    role.composite = true;
    role.composites = { ...role.composites, realm: [...new Set([...(role.composites?.realm ?? []), SECOND_FACTOR_ROLE])] };
  }
  roles.push({ name: SECOND_FACTOR_ROLE, description: 'Đăng nhập cần mã xác thực một lần (TOTP) / sign-in needs a one-time code (TOTP)', composite: false, clientRole: false });
  realm.authenticationFlows = [...(realm.authenticationFlows ?? []), ...SECOND_FACTOR_FLOWS];
  realm.authenticatorConfig = [...(realm.authenticatorConfig ?? []), SECOND_FACTOR_CONDITION];
  realm.browserFlow = BROWSER_FLOW;
}

/** The realm's own roles (tier × capability, the national recorder), without Keycloak's defaults. */
function platformRoles(realm) {
  const keycloakOwn = new Set(['offline_access', 'uma_authorization', realm.defaultRole?.name, SECOND_FACTOR_ROLE]);
  return (realm.roles?.realm ?? []).map((role) => role.name).filter((name) => !keycloakOwn.has(name));
}

function flow(alias, topLevel, authenticationExecutions) {
  return { alias, description: '', providerId: 'basic-flow', topLevel, builtIn: false, authenticationExecutions };
}

function mapper(name, protocolMapper, config) {
  return { name, protocol: 'openid-connect', protocolMapper, consentRequired: false, config: { 'introspection.token.claim': 'true', 'lightweight.claim': 'false', ...config } };
}
