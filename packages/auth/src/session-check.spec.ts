import { TokenRefusedError } from './errors';
import { SessionCheck, type Introspect } from './session-check';

const SETTINGS = { clientSecret: 's', cacheMs: 2_000, timeoutMs: 50 };

/** A stand-in for Keycloak's introspection: answers from `live`, counts the questions. */
function keycloak(live: Set<string>) {
  const asked: string[] = [];
  const introspect: Introspect = async (token) => {
    asked.push(token);
    return live.has(token.split('.')[0]);
  };
  return { introspect, asked };
}

describe('SessionCheck', () => {
  it('lets a live session’s tokens through and refuses them once the session ended, within the cache time', async () => {
    const live = new Set(['s1']);
    const { introspect, asked } = keycloak(live);
    let now = 0;
    const check = new SessionCheck(SETTINGS, introspect, undefined, () => now);
    await expect(check.require('s1.a', 's1')).resolves.toBeUndefined();
    live.delete('s1');
    now = 1_999;
    await expect(check.require('s1.b', 's1')).resolves.toBeUndefined();
    now = 2_001;
    const refused = await check.require('s1.b', 's1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TokenRefusedError);
    expect((refused as TokenRefusedError).reason).toBe('TOKEN_SESSION_ENDED');
    expect(asked).toEqual(['s1.a', 's1.b']);
  });

  it('asks once for concurrent requests of one session', async () => {
    const { introspect, asked } = keycloak(new Set(['s1']));
    const check = new SessionCheck(SETTINGS, introspect);
    await Promise.all(Array.from({ length: 20 }, () => check.require('s1.a', 's1')));
    expect(asked).toHaveLength(1);
  });

  it('keys a token without a session id by the token itself', async () => {
    const { introspect, asked } = keycloak(new Set(['t1']));
    const check = new SessionCheck(SETTINGS, introspect);
    await check.require('t1.a', undefined);
    await check.require('t1.a', undefined);
    await expect(check.require('t2.a', undefined)).rejects.toMatchObject({ reason: 'TOKEN_SESSION_ENDED' });
    expect(asked).toEqual(['t1.a', 't2.a']);
  });

  it('lets the token through on its signature, and says so, when Keycloak fails or does not answer in time', async () => {
    const warnings: string[] = [];
    const log = { warn: (_details: object, message: string) => warnings.push(message) };
    const failing = new SessionCheck(SETTINGS, async () => Promise.reject(new TypeError('ECONNREFUSED')), log);
    await expect(failing.require('s1.a', 's1')).resolves.toBeUndefined();
    const hanging = new SessionCheck(SETTINGS, () => new Promise<boolean>(() => undefined), log);
    await expect(hanging.require('s2.a', 's2')).resolves.toBeUndefined();
    expect(warnings).toEqual([
      'session check: Keycloak could not answer; token accepted on its signature',
      'session check: Keycloak did not answer in time; token accepted on its signature',
    ]);
  });

  it('remembers at most maxSessions answers, forgetting the oldest', async () => {
    const { introspect, asked } = keycloak(new Set(['s1', 's2', 's3']));
    const check = new SessionCheck({ ...SETTINGS, maxSessions: 2 }, introspect);
    for (const session of ['s1', 's2', 's3', 's3', 's2', 's1']) await check.require(`${session}.a`, session);
    expect(asked).toEqual(['s1.a', 's2.a', 's3.a', 's1.a']);
  });
});
