import Keycloak from 'keycloak-connect';
import { SignInUnavailableError, TokenRefusedError, UnassignedAccountError, UnknownBodyError } from './errors';
import { DEFAULT_REALM_KEY_SETTINGS, RealmKeys, type RealmKeySettings, type SigningKeyState } from './realm-keys';
import { CAPABILITIES, isManagementBody, NATIONAL_UNIT_CODE, platformRoles, tierRank, type ManagementBody, type Principal } from './principal';
import { SessionCheck, type SessionCheckSettings, type SessionLog } from './session-check';
import { bearerToken, claimProblem, decodeToken, signatureProblem, type DecodedToken, type TokenExpectations } from './token';
import { DEFAULT_VERIFIED_TOKEN_SETTINGS, VerifiedTokens, type VerifiedToken, type VerifiedTokenSettings } from './verified-tokens';

export interface KeycloakSettings {
  /** Base URL of Keycloak, the token issuer's host (e.g. http://127.0.0.1:8180). */
  url: string;
  /**
   * Keycloak as this process reaches it, when not through `url` (e.g. a cluster-internal
   * http://keycloak-service:8080 while tokens name the public SSO host): the realm's keys and the
   * session introspection are fetched there; the issuer expected in tokens stays `url`'s.
   */
  backchannelUrl?: string;
  realm: string;
  /** Client the tokens must be issued for (their `aud`). */
  clientId: string;
  /** How the realm's signing keys are cached (defaults: {@link DEFAULT_REALM_KEY_SETTINGS}). */
  keys?: Partial<RealmKeySettings>;
  /** How long and how many verified tokens are kept (defaults: {@link DEFAULT_VERIFIED_TOKEN_SETTINGS}); `maxAgeMs: 0` verifies every call. */
  verifiedTokens?: Partial<VerifiedTokenSettings>;
}

/** Turns an `Authorization` header into a Principal, or rejects with a typed error. */
export interface TokenVerifier {
  verify(authorization: string | undefined): Promise<Principal>;
  /** The realm's signing keys as held, for readiness (absent on verifiers that need none). */
  signingKeys?(): Promise<SigningKeyState>;
}

/** Where refused tokens are recorded, with what the library said (a pino logger fits). */
export interface TokenLog extends SessionLog {
  info(details: object, message: string): void;
}

interface AccessTokenContent {
  sub?: string;
  /** The Keycloak session the token belongs to. */
  sid?: string;
  preferred_username?: string;
  unit_code?: unknown;
  body?: unknown;
  realm_access?: { roles?: unknown };
}

/**
 * The one place keycloak-connect is used: offline verification of the bearer token's
 * signature (realm JWKS, cached), expiry, type, issuer and audience. The token's shape,
 * algorithm and claims are checked first, so each refusal names its reason in fixed words
 * (TOKEN_MISSING … TOKEN_AUDIENCE); what the library said goes to `log` only. With `session`
 * (the gateway's), a token whose sign-in session has ended is refused too (TOKEN_SESSION_ENDED),
 * through Keycloak's introspection as the library offers it; see {@link SessionCheck}. The realm's
 * keys come from {@link RealmKeys}: a rotated key is picked up at its first token, and while Keycloak
 * is down a token under a key never fetched is SIGN_IN_UNAVAILABLE (503), not TOKEN_SIGNATURE.
 *
 * A token this process has verified is not verified again ({@link VerifiedTokens}): its claims are
 * checked at every call (an expired token is TOKEN_EXPIRED however recently it verified) and so is
 * its session, but its signature is taken as checked while three bounds hold: at most
 * `verifiedTokens.maxAgeMs` (60 s by default) since the check, never past the token's `exp`, and only
 * while the key that verified it is the one held: a key removed from the realm stops verifying cached
 * tokens when the key set is next fetched, within `keys.maxAgeMs`, as it does uncached ones.
 * `now` is the clock the claims and the cache are read against (tests move it).
 */
export function createKeycloakVerifier(
  settings: KeycloakSettings,
  log?: TokenLog,
  session?: SessionCheckSettings,
  now: () => number = Date.now,
): TokenVerifier {
  const base = settings.url.replace(/\/+$/, '');
  const backchannel = settings.backchannelUrl?.replace(/\/+$/, '') ?? base;
  const keycloak = keycloakAdapter(base, settings, session?.clientSecret);
  const expected: TokenExpectations = { issuer: `${base}/realms/${settings.realm}`, audience: settings.clientId };
  const keys = new RealmKeys(`${backchannel}/realms/${settings.realm}/protocol/openid-connect/certs`, { ...DEFAULT_REALM_KEY_SETTINGS, ...settings.keys }, log);
  useRealmKeys(keycloak, keys);
  const sessions = session ? sessionCheck(backchannel === base ? keycloak : keycloakAdapter(backchannel, settings, session.clientSecret), session, log) : null;
  const realm: Realm = { keycloak, keys, expected, now };
  const verified = new VerifiedTokens({ ...DEFAULT_VERIFIED_TOKEN_SETTINGS, ...settings.verifiedTokens }, now);
  return {
    signingKeys: () => keys.signingKeys(),
    async verify(authorization) {
      try {
        const token = bearerToken(authorization);
        const { decoded, principal, sessionId } = await verifiedOnce(token, verified, realm);
        const problem = claimProblem(decoded, expected, now());
        if (problem) throw new TokenRefusedError(problem);
        await sessions?.require(token, sessionId);
        return { ...principal, roles: [...principal.roles] };
      } catch (error) {
        if (error instanceof TokenRefusedError) {
          log?.info({ reason: error.reason, ...(error.libraryMessage ? { cause: error.libraryMessage } : {}) }, 'bearer token refused');
        }
        if (error instanceof SignInUnavailableError) {
          log?.warn({ reason: 'TOKEN_KEYS_UNAVAILABLE', cause: error.libraryMessage }, 'bearer token not checked: the realm keys cannot be fetched');
        }
        throw error;
      }
    },
  };
}

function keycloakAdapter(base: string, settings: KeycloakSettings, clientSecret?: string): Keycloak.Keycloak {
  return new Keycloak(
    {},
    {
      realm: settings.realm,
      'auth-server-url': base,
      resource: settings.clientId,
      'bearer-only': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      'verify-token-audience': true,
      ...(clientSecret ? { credentials: { secret: clientSecret } } : {}),
    } as unknown as Keycloak.KeycloakConfig,
  );
}

/**
 * The gateway's session check through `keycloak`'s introspection. keycloak-connect introspects at its
 * realm URL, which is also the issuer it expects, so a backchannel URL gets an adapter of its own.
 */
function sessionCheck(keycloak: Keycloak.Keycloak, settings: SessionCheckSettings, log?: TokenLog): SessionCheck {
  return new SessionCheck(settings, async (token) => Boolean(await keycloak.grantManager.validateAccessToken(token)), log);
}

/**
 * keycloak-connect's grant manager asks its `rotation` for a token's key (`getJWK(kid)`); the
 * verifier's RealmKeys answers instead, so the library and the verifier share one cache.
 */
function useRealmKeys(keycloak: Keycloak.Keycloak, keys: RealmKeys): void {
  (keycloak.grantManager as unknown as { rotation: Pick<RealmKeys, 'getJWK'> }).rotation = keys;
}

/** What a token is verified against. */
interface Realm {
  keycloak: Keycloak.Keycloak;
  keys: RealmKeys;
  expected: TokenExpectations;
  now: () => number;
}

/** The token as this process verified it before, or verified now (and kept) when it has not or its key has changed since. */
async function verifiedOnce(token: string, verified: VerifiedTokens, realm: Realm): Promise<VerifiedToken> {
  const held = verified.get(token);
  if (held && realm.keys.holds(held.kid, held.key)) return held;
  if (held) verified.forget(token);
  const fresh = await verifiedByRealm(token, realm);
  verified.remember(token, fresh);
  return fresh;
}

/** The token's shape, algorithm and claims checked here, then its signature by keycloak-connect against the realm's key. */
async function verifiedByRealm(token: string, realm: Realm): Promise<VerifiedToken> {
  const decoded = decodeToken(token);
  const problem = signatureProblem(token, decoded) ?? claimProblem(decoded, realm.expected, realm.now());
  if (problem) throw new TokenRefusedError(problem);
  const kid = String(decoded.header.kid);
  const key = await realm.keys.keyFor(kid);
  const content = await signedContent(token, decoded, realm);
  return { decoded, principal: principalFromClaims(content), sessionId: content.sid, kid, key };
}

/** The claims once keycloak-connect has checked the signature against the realm's keys. */
async function signedContent(token: string, decoded: DecodedToken, { keycloak, expected, now }: Realm): Promise<AccessTokenContent> {
  try {
    const grant = await keycloak.grantManager.createGrant({ access_token: token } as never);
    return (grant.access_token as unknown as { content: AccessTokenContent }).content;
  } catch (error) {
    // The claims held a moment ago: unless one has just expired, the signature or its key failed.
    const reason = claimProblem(decoded, expected, now()) ?? 'TOKEN_SIGNATURE';
    throw new TokenRefusedError(reason, error instanceof Error ? error.message : String(error));
  }
}

/** Builds the Principal from verified claims; exported for unit tests. */
export function principalFromClaims(content: AccessTokenContent): Principal {
  const roles = Array.isArray(content.realm_access?.roles)
    ? content.realm_access.roles.filter((role): role is string => typeof role === 'string')
    : [];
  const assigned = platformRoles(roles);
  if (assigned.length === 0) throw new UnassignedAccountError('vai trò / role');
  if (typeof content.unit_code !== 'string' || content.unit_code === '') {
    throw new UnassignedAccountError('unit_code');
  }
  const tier = assigned.map((role) => role.tier).sort((a, b) => tierRank(a) - tierRank(b))[0];
  if (tier === 'NATIONAL' && content.unit_code !== NATIONAL_UNIT_CODE) {
    throw new UnassignedAccountError(`unit_code ${NATIONAL_UNIT_CODE}`);
  }
  const capability = assigned
    .filter((role) => role.tier === tier)
    .map((role) => role.capability)
    .sort((a, b) => CAPABILITIES.indexOf(a) - CAPABILITIES.indexOf(b))[0];
  return {
    userId: content.sub ?? '',
    username: content.preferred_username ?? content.sub ?? '',
    role: `${tier.toLowerCase()}-${capability}`,
    tier,
    capability,
    unitCode: content.unit_code,
    roles,
    body: bodyOf(content.body),
  };
}

/** The `body` claim: absent or empty is none; anything but a known body is refused. */
function bodyOf(claim: unknown): ManagementBody | null {
  if (claim === undefined || claim === null || claim === '') return null;
  if (!isManagementBody(claim)) throw new UnknownBodyError();
  return claim;
}
