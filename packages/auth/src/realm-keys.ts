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

/**
 * What a verifier holds of the realm's signing keys, for readiness: `ready` once a fetch has given at
 * least one key, and it stays so while those keys are held, even when Keycloak stops answering (a
 * Keycloak outage must not take every pod out of service; tokens under held keys still verify).
 */
export interface SigningKeyState {
  ready: boolean;
  /** Key ids held (public: the realm publishes them). */
  keyIds: string[];
  /** When the held keys were fetched (ISO time), null before the first success. */
  fetchedAt: string | null;
  /** The last fetch that failed, when none has succeeded since: Keycloak unreachable, a TLS or HTTP error. */
  lastFailure: { at: string; cause: string } | null;
}

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
  private lastFailure: SigningKeyState['lastFailure'] = null;

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
      this.refreshWhenOld();
      return known;
    }
    await this.refresh();
    const fetched = this.keys.get(kid);
    if (!fetched) throw new TokenRefusedError('TOKEN_SIGNATURE', `the realm publishes no key ${kid}`);
    return fetched;
  }

  /**
   * Whether `key` is still the one held under `kid`, for a token verified earlier: false once the key
   * set has been fetched again (the realm may have removed or replaced the key). Notices an old key set
   * as {@link keyFor} does.
   */
  holds(kid: string, key: KeyObject): boolean {
    this.refreshWhenOld();
    return this.keys.get(kid) === key;
  }

  /** What keycloak-connect's grant manager asks for the key of a token it verifies. */
  getJWK(kid: string): Promise<KeyObject> {
    return this.keyFor(kid);
  }

  /**
   * The keys' state for readiness. Before the first successful fetch, fetches first (one at a time,
   * shared, rate-limited like any other); once keys are held, answers at once without asking Keycloak.
   */
  async signingKeys(): Promise<SigningKeyState> {
    if (this.keys.size === 0) await this.refresh().catch(() => undefined);
    return {
      ready: this.keys.size > 0,
      keyIds: [...this.keys.keys()],
      fetchedAt: Number.isFinite(this.fetchedAt) ? new Date(this.fetchedAt).toISOString() : null,
      lastFailure: this.lastFailure,
    };
  }

  /** A key set past its maximum age is fetched again behind the caller, which goes on with the keys held. */
  private refreshWhenOld(): void {
    if (Date.now() - this.fetchedAt > this.settings.maxAgeMs) this.refresh().catch(() => undefined);
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
      this.lastFailure = this.keys.size > 0 ? null : { at: new Date().toISOString(), cause: `${this.certsUrl} publishes no RS256 signing key` };
    } catch (error) {
      const cause = failureCause(error);
      this.lastFailure = { at: new Date().toISOString(), cause };
      this.log?.warn({ cause, keysHeld: this.keys.size }, 'realm keys: Keycloak could not be asked; tokens under keys already fetched still verify');
      throw new SignInUnavailableError(cause);
    }
  }
}

/** Why a fetch failed, with the network's own reason (fetch says only "fetch failed"; its cause names the refused connection or the untrusted certificate). */
function failureCause(error: unknown): string {
  if (error instanceof SignInUnavailableError) return error.libraryMessage ?? error.message;
  const inner = messageOf((error as { cause?: unknown } | null)?.cause);
  return inner ? `${messageOf(error)}: ${inner}` : (messageOf(error) ?? String(error));
}

/** An error's message, also for errors made in another realm (fetch's, seen from a jest sandbox, are no `instanceof Error`). */
function messageOf(value: unknown): string | undefined {
  const message = (value as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
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
