// `pnpm --filter @ps/bench token-verify` (after `pnpm build`): what one bearer-token verification costs through
// the built @ps/auth verifier, (A) with the cache of verified tokens off (maxAgeMs 0: every call goes
// through keycloak-connect's signature check) and (B) with it on (the default), in alternating rounds
// A B A B … of one run so both see the same machine load; then todayInVietnam with a formatter built
// per call (as it was) and the hoisted one. Writes bench/results/token-verify.json and .md.
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import { createKeycloakVerifier } from '@ps/auth';
import { todayInVietnam } from '@ps/effective-dating';
import { median, round, writeResults } from './lib.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const VERIFICATIONS = Number(process.env.VERIFICATIONS ?? 2_000);
const TODAY_CALLS = Number(process.env.TODAY_CALLS ?? 2_000);
const REALM = 'political-system';
const CLIENT = 'platform-api';

// The realm: one RS256 key, its JWKS served on a free local port, a token signed as Keycloak signs one.
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'realm-key', alg: 'RS256', use: 'sig' }] });
const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}`;

const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const claims = { exp: now + 900, iat: now, iss: `${url}/realms/${REALM}`, aud: CLIENT, typ: 'Bearer', sub: 'user-1', sid: 'session-1', preferred_username: 'admin.dautieng', unit_code: '720', realm_access: { roles: ['district-admin'] } };
const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: 'realm-key' })}.${part(claims)}`;
const authorization = `Bearer ${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url')}`;

const settings = { url, realm: REALM, clientId: CLIENT };
const uncached = createKeycloakVerifier({ ...settings, verifiedTokens: { maxAgeMs: 0 } });
const cached = createKeycloakVerifier(settings);

/** Microseconds per call of `call`, over `count` calls one after another. */
async function perCall(count, call) {
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) await call();
  return Number(process.hrtime.bigint() - started) / 1_000 / count;
}

const formatterPerCall = (date = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(date);
const cases = {
  verifyUncached: { count: VERIFICATIONS, call: () => uncached.verify(authorization) },
  verifyCached: { count: VERIFICATIONS, call: () => cached.verify(authorization) },
  todayFormatterPerCall: { count: TODAY_CALLS, call: () => formatterPerCall() },
  todayHoisted: { count: TODAY_CALLS, call: () => todayInVietnam() },
};
if (formatterPerCall() !== todayInVietnam()) throw new Error('the two todayInVietnam disagree');

for (const { call } of Object.values(cases)) await perCall(200, call); // warm-up; fetches the keys
const rounds = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, { count, call }] of Object.entries(cases)) rounds[name].push(await perCall(count, call));
}
server.close();

const medians = Object.fromEntries(Object.entries(rounds).map(([name, values]) => [name, round(median(values), 2)]));
const ratio = {
  verifyUncachedOverCached: round(medians.verifyUncached / medians.verifyCached, 2),
  todayFormatterPerCallOverHoisted: round(medians.todayFormatterPerCall / medians.todayHoisted, 2),
};
writeResults(
  'token-verify',
  {
    rounds: ROUNDS,
    callsPerRound: { verify: VERIFICATIONS, todayInVietnam: TODAY_CALLS },
    medianMicroseconds: medians,
    ratio,
    roundsMicroseconds: Object.fromEntries(Object.entries(rounds).map(([name, values]) => [name, values.map((value) => round(value, 2))])),
  },
  `
One process, ${ROUNDS} alternating rounds (A B A B …); the median of the rounds' µs per call. Token: RS256, 2048-bit key, as Keycloak signs it; the built @ps/auth verifier.

| case | calls per round | median µs per call |
|---|---:|---:|
| A: verify, cache off (\`verifiedTokens.maxAgeMs: 0\`) | ${VERIFICATIONS} | ${medians.verifyUncached} |
| B: verify, cache on (default) | ${VERIFICATIONS} | ${medians.verifyCached} |
| todayInVietnam, formatter built per call (before) | ${TODAY_CALLS} | ${medians.todayFormatterPerCall} |
| todayInVietnam, hoisted formatter (now) | ${TODAY_CALLS} | ${medians.todayHoisted} |

A/B = **×${ratio.verifyUncachedOverCached}**; todayInVietnam before/now = ×${ratio.todayFormatterPerCallOverHoisted}.
`,
);
