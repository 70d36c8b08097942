import { generateKeyPairSync } from 'node:crypto';
import type { Principal } from './principal';
import { VerifiedTokens, type VerifiedToken } from './verified-tokens';

// The bounds of the cache on their own, on a clock the tests move.

const T0 = 1_700_000_000_000;
let clock = T0;
const now = () => clock;
beforeEach(() => {
  clock = T0;
});

const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
const principal: Principal = { userId: 'user-1', username: 'admin.dautieng', role: 'district-admin', tier: 'DISTRICT', capability: 'admin', unitCode: '720', roles: ['district-admin'], body: null };

function verification(expSeconds = T0 / 1000 + 300): VerifiedToken {
  return { decoded: { header: { kid: 'key-1' }, claims: { exp: expSeconds, sid: 'session-1' } }, principal, sessionId: 'session-1', kid: 'key-1', key: publicKey };
}

it('gives back a verified token until its maximum age, then forgets it', () => {
  const tokens = new VerifiedTokens({ maxAgeMs: 60_000, maxTokens: 10 }, now);
  const verified = verification();
  tokens.remember('token-a', verified);
  clock = T0 + 59_999;
  expect(tokens.get('token-a')).toBe(verified);
  clock = T0 + 60_000;
  expect(tokens.get('token-a')).toBeUndefined();
});

it('never keeps a token past its exp, however long the maximum age', () => {
  const tokens = new VerifiedTokens({ maxAgeMs: 3_600_000, maxTokens: 10 }, now);
  tokens.remember('token-a', verification(T0 / 1000 + 10));
  clock = T0 + 9_999;
  expect(tokens.get('token-a')).toBeDefined();
  clock = T0 + 10_000;
  expect(tokens.get('token-a')).toBeUndefined();
});

it('tells tokens apart and forgets one on demand', () => {
  const tokens = new VerifiedTokens({ maxAgeMs: 60_000, maxTokens: 10 }, now);
  tokens.remember('token-a', verification());
  expect(tokens.get('token-b')).toBeUndefined();
  tokens.forget('token-a');
  expect(tokens.get('token-a')).toBeUndefined();
});

it('keeps nothing with a maximum age of 0', () => {
  const tokens = new VerifiedTokens({ maxAgeMs: 0, maxTokens: 10 }, now);
  tokens.remember('token-a', verification());
  expect(tokens.get('token-a')).toBeUndefined();
});

it('keeps at most maxTokens, forgetting the least recently used', () => {
  const tokens = new VerifiedTokens({ maxAgeMs: 60_000, maxTokens: 2 }, now);
  tokens.remember('token-a', verification());
  tokens.remember('token-b', verification());
  expect(tokens.get('token-a')).toBeDefined(); // a is now the most recently used
  tokens.remember('token-c', verification());
  expect(tokens.get('token-b')).toBeUndefined();
  expect(tokens.get('token-a')).toBeDefined();
  expect(tokens.get('token-c')).toBeDefined();
});
