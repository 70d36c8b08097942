import { createHash, type KeyObject } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Principal } from './principal';
import type { DecodedToken } from './token';

/** How many verified tokens a process keeps, and for how long. */
export interface VerifiedTokenSettings {
  /** Longest time a token is taken on this process's earlier verification; 0 verifies every call. */
  maxAgeMs: number;
  /** Tokens kept at most (the least recently used are forgotten first). */
  maxTokens: number;
}

export const DEFAULT_VERIFIED_TOKEN_SETTINGS: VerifiedTokenSettings = { maxAgeMs: 60_000, maxTokens: 10_000 };

/** What one verification of a token established. */
export interface VerifiedToken {
  /** The token's claims, checked again at every call (expiry first). */
  decoded: DecodedToken;
  principal: Principal;
  /** The Keycloak session (`sid`), for the gateway's session check. */
  sessionId: string | undefined;
  /** The realm key the signature was checked against, under its id. */
  kid: string;
  key: KeyObject;
}

interface Entry {
  verified: VerifiedToken;
  until: number;
}

/**
 * The tokens this process has verified, so that the same bearer token, sent with every call of a
 * request and every request of a sign-in, has its signature checked once. Keyed by the token's
 * SHA-256 (no bearer token is held); an entry lives no longer than `maxAgeMs` and never past the
 * token's `exp`. Only verifications are kept: a refused token is checked again at its next call.
 */
export class VerifiedTokens {
  private readonly entries: LRUCache<string, Entry> | null;

  constructor(
    private readonly settings: VerifiedTokenSettings = DEFAULT_VERIFIED_TOKEN_SETTINGS,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = settings.maxAgeMs > 0 ? new LRUCache({ max: settings.maxTokens }) : null;
  }

  /** The token as verified before, while within its bounds. */
  get(token: string): VerifiedToken | undefined {
    if (!this.entries) return undefined;
    const key = digest(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.verified;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps a token that has just been verified. */
  remember(token: string, verified: VerifiedToken): void {
    const exp = verified.decoded.claims.exp;
    if (!this.entries || typeof exp !== 'number') return;
    this.entries.set(digest(token), { verified, until: Math.min(this.now() + this.settings.maxAgeMs, exp * 1000) });
  }

  /** Drops a token, e.g. once the key that verified it is no longer the realm's. */
  forget(token: string): void {
    this.entries?.delete(digest(token));
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
