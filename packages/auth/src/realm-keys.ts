import { createPublicKey, type KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignInUnavailableError, TokenRefusedError } from './errors';
import type { SessionLog } from './session-check';

/** How the realm's signing keys are fetched and kept. */
export interface RealmKeySettings {
  /**
   * Shortest time between two fetches of the key set. A token under a key id not seen yet (the
   * realm has just rotated) waits for the next fetch at most this long instead of being refused;
   * made-up key ids cannot make Keycloak answer more often than this.
   */
  refetchIntervalMs: number;
  /** After this, the key set is fetched again (behind the request that noticed): a key removed or disabled in the realm stops verifying within about this. */
  maxAgeMs: number;
  /** Longest wait for Keycloak's answer. */
  timeoutMs: number;
}

export const DEFAULT_REALM_KEY_SETTINGS: RealmKeySettings = { refetchIntervalMs: 1_000, maxAgeMs: 300_000, timeoutMs: 5_000 };

/** The key set as the realm publishes it (`…/protocol/openid-connect/certs`): key id → public key. */
export type FetchKeySet = (certsUrl: string, timeoutMs: number) => Promise<Map<string, KeyObject>>;

/**
 * The realm's public signing keys, cached, in place of keycloak-connect's own cache (its Rotation):
 * that one refuses a new key id seen within 10 s of its last fetch — a rotation refused the tokens
 * of everyone who signed in just after it — and keeps a removed key for the life of the process.
 * While Keycloak is down, tokens under keys already fetched keep verifying; a key never seen cannot
 * be checked, and that is said as such (SIGN_IN_UNAVAILABLE, 503), not as a bad signature.
 */
export class RealmKeys {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly certsUrl: string,
    private readonly settings: RealmKeySettings = DEFAULT_REALM_KEY_SETTINGS,
    private readonly log?: SessionLog,
    private readonly fetchKeySet: FetchKeySet = fetchRealmKeySet,
  ) {}

  /** The public key under `kid`; TOKEN_SIGNATURE when the realm, freshly asked, has none. */
  async keyFor(kid: string): Promise<KeyObject> {
    const known = this.keys.get(kid);
    if (known) {
      if (Date.now() - this.fetchedAt > this.settings.maxAgeMs) this.refresh().catch(() => undefined);
      return known;
    }
    await this.refresh();
    const fetched = this.keys.get(kid);
    if (!fetched) throw new TokenRefusedError('TOKEN_SIGNATURE', `the realm publishes no key ${kid}`);
    return fetched;
  }

  /** What keycloak-connect's grant manager asks for the key of a token it verifies. */
  getJWK(kid: string): Promise<KeyObject> {
    return this.keyFor(kid);
  }

  /** One fetch at a time, shared by every request waiting on it, never sooner than `refetchIntervalMs` after the last. */
  private refresh(): Promise<void> {
    this.pending ??= this.fetchWhenAllowed().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async fetchWhenAllowed(): Promise<void> {
    const wait = this.attemptedAt + this.settings.refetchIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    this.attemptedAt = Date.now();
    try {
      this.keys = await this.fetchKeySet(this.certsUrl, this.settings.timeoutMs);
      this.fetchedAt = Date.now();
    } catch (error) {
      const cause = error instanceof SignInUnavailableError ? (error.libraryMessage ?? error.message) : error instanceof Error ? error.message : String(error);
      this.log?.warn({ cause, keysHeld: this.keys.size }, 'realm keys: Keycloak could not be asked; tokens under keys already fetched still verify');
      throw new SignInUnavailableError(cause);
    }
  }
}

/** The realm's RS256 signing keys from its JWKS document; SIGN_IN_UNAVAILABLE when Keycloak does not answer with one. */
export async function fetchRealmKeySet(certsUrl: string, timeoutMs: number): Promise<Map<string, KeyObject>> {
  const response = await fetch(certsUrl, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new SignInUnavailableError(`${certsUrl} answered HTTP ${response.status}`);
  const body = (await response.json()) as { keys?: unknown };
  if (!Array.isArray(body.keys)) throw new SignInUnavailableError(`${certsUrl} answered no key set`);
  const keys = new Map<string, KeyObject>();
  for (const jwk of body.keys as Array<Record<string, unknown>>) {
    if (jwk.kty !== 'RSA' || (jwk.use ?? 'sig') !== 'sig' || typeof jwk.kid !== 'string') continue;
    keys.set(jwk.kid, createPublicKey({ key: jwk as { kty: string }, format: 'jwk' }));
  }
  return keys;
}
