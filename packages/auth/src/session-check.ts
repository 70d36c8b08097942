import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { TokenRefusedError } from './errors';

/** How the gateway learns that a signed-in session has ended before its tokens expire. */
export interface SessionCheckSettings {
  /** The secret of the client the gateway verifies tokens for: Keycloak answers its introspection only to it. */
  clientSecret: string;
  /** How long one answer about a session is reused: a logged-out session's tokens are refused within about this. */
  cacheMs: number;
  /** Longest wait for Keycloak's answer; past it the token is let through on its signature alone. */
  timeoutMs: number;
  /** Sessions remembered at most (the oldest answers are forgotten first). */
  maxSessions?: number;
}

/** Keycloak's introspection of one token: true while its session lives, false once it has ended. */
export type Introspect = (token: string) => Promise<boolean>;

/** Where the check reports that it could not ask (a pino logger fits). */
export interface SessionLog {
  warn(details: object, message: string): void;
}

type Answer = 'ACTIVE' | 'ENDED' | 'UNKNOWN';

const DEFAULT_MAX_SESSIONS = 50_000;

/**
 * Refuses the tokens of a session that has ended (logout in any app, an administrator's revocation,
 * a disabled account) within `cacheMs`: each session (the token's `sid`) is introspected at most once
 * per `cacheMs`, concurrent requests sharing the one question. When Keycloak cannot answer in time the
 * token is let through on its verified signature and the failure is logged: an identity-provider outage
 * must not stop everyone already signed in (their tokens still expire within 15 minutes).
 */
export class SessionCheck {
  private readonly answers = new Map<string, { until: number; answer: Promise<Answer> }>();

  constructor(
    private readonly settings: SessionCheckSettings,
    private readonly introspect: Introspect,
    private readonly log?: SessionLog,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws TOKEN_SESSION_ENDED when the token's session has ended. */
  async require(token: string, sessionId: string | undefined): Promise<void> {
    const key = sessionId ?? createHash('sha256').update(token).digest('base64url');
    if ((await this.answerFor(key, token)) === 'ENDED') throw new TokenRefusedError('TOKEN_SESSION_ENDED');
  }

  private answerFor(key: string, token: string): Promise<Answer> {
    const cached = this.answers.get(key);
    if (cached && cached.until > this.now()) return cached.answer;
    const answer = this.ask(token);
    this.answers.delete(key);
    this.answers.set(key, { until: this.now() + this.settings.cacheMs, answer });
    this.forgetOldest();
    return answer;
  }

  private async ask(token: string): Promise<Answer> {
    const timeout = new AbortController();
    try {
      const active = await Promise.race([
        this.introspect(token),
        sleep(this.settings.timeoutMs, 'TIMEOUT' as const, { signal: timeout.signal }),
      ]);
      if (active === 'TIMEOUT') {
        this.log?.warn({ timeoutMs: this.settings.timeoutMs }, 'session check: Keycloak did not answer in time; token accepted on its signature');
        return 'UNKNOWN';
      }
      return active ? 'ACTIVE' : 'ENDED';
    } catch (error) {
      this.log?.warn({ cause: error instanceof Error ? error.message : String(error) }, 'session check: Keycloak could not answer; token accepted on its signature');
      return 'UNKNOWN';
    } finally {
      timeout.abort();
    }
  }

  private forgetOldest(): void {
    const max = this.settings.maxSessions ?? DEFAULT_MAX_SESSIONS;
    for (const key of this.answers.keys()) {
      if (this.answers.size <= max) return;
      this.answers.delete(key);
    }
  }
}
