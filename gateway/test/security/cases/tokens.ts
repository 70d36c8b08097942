import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { InvariantViolation } from '@ps/errors';
import { infrastructure } from '@ps/testing';
import { send } from '../exchange';
import { TARGETS, tokenOf, urlOf, type Case } from '../targets';

type Claims = Record<string, unknown>;
const part = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** What the forgeries start from: a real access token, the realm's signing key id, and a key of our own. */
interface Material {
  real: string;
  header: Claims;
  claims: Claims;
  realmKid: string;
  foreignKey: KeyObject;
  realmPublicPem: string;
}
let material: Material | undefined;

/** The realm's RS256 signing key, as Keycloak publishes it (JWKS). */
async function realmSigningKey(): Promise<{ kid: string; pem: string }> {
  const url = `${infrastructure.keycloakUrl}/realms/${infrastructure.keycloakRealm}/protocol/openid-connect/certs`;
  const { keys } = (await (await fetch(url)).json()) as { keys: Array<{ kid: string; alg: string; use: string; x5c?: string[] }> };
  const key = keys.find((candidate) => candidate.alg === 'RS256' && candidate.use === 'sig');
  if (!key?.x5c?.[0]) throw new InvariantViolation(`no RS256 signing key at ${url}`);
  return { kid: key.kid, pem: `-----BEGIN CERTIFICATE-----\n${key.x5c[0]}\n-----END CERTIFICATE-----` };
}

/** Reads a real token and the realm's keys, and makes an RSA key the realm never saw. */
export async function prepareForgeries(): Promise<void> {
  const real = tokenOf('text');
  const [header, claims] = real.split('.').slice(0, 2).map((segment) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Claims);
  const { kid, pem } = await realmSigningKey();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  material = { real, header, claims, realmKid: kid, foreignKey: privateKey, realmPublicPem: pem };
}

function forged(): Material {
  if (!material) throw new InvariantViolation('prepareForgeries() first');
  return material;
}

/** RS256 under the realm's key id, signed with our own key: the claims are checked before the signature. */
function signedByUs(claims: Claims, header: Claims = {}): string {
  const { foreignKey, realmKid } = forged();
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: realmKid, ...header })}.${part(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(foreignKey).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const realParts = () => forged().real.split('.');

/** Every way a bearer token is refused, with the Authorization header that shows it (undefined: none). */
const FORGERIES: Array<[name: string, reason: string, authorization: () => string | undefined]> = [
  ['no Authorization header', 'TOKEN_MISSING', () => undefined],
  ['an empty bearer', 'TOKEN_MALFORMED', () => 'Bearer '],
  ['another scheme (Basic)', 'TOKEN_MALFORMED', () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
  ['a token that is not a JWT', 'TOKEN_MALFORMED', () => 'Bearer not-a-jwt'],
  ['a header that is not JSON', 'TOKEN_MALFORMED', () => `Bearer ${part('{"alg":')}.${realParts()[1]}.${realParts()[2]}`],
  ['claims without exp', 'TOKEN_MALFORMED', () => `Bearer ${signedByUs({ ...forged().claims, exp: undefined })}`],
  ['a real token re-sent unsigned (alg none)', 'TOKEN_SIGNATURE', () => `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${realParts()[1]}.`],
  // The classic confusion: the realm's public key used as an HMAC secret.
  ['HS256 keyed with the realm public key', 'TOKEN_SIGNATURE', () => {
    const input = `${part({ alg: 'HS256', typ: 'JWT', kid: forged().realmKid })}.${realParts()[1]}`;
    return `Bearer ${input}.${createHmac('sha256', forged().realmPublicPem).update(input).digest('base64url')}`;
  }],
  ['an unknown key id', 'TOKEN_SIGNATURE', () => `Bearer ${signedByUs(forged().claims, { kid: 'rotated-away' })}`],
  ['real claims signed with a foreign RSA key', 'TOKEN_SIGNATURE', () => `Bearer ${signedByUs(forged().claims)}`],
  ['a real token with a tampered signature', 'TOKEN_SIGNATURE', () => `Bearer ${realParts()[0]}.${realParts()[1]}.${[...realParts()[2]].reverse().join('')}`],
  ['a real signature over raised privileges', 'TOKEN_SIGNATURE', () =>
    `Bearer ${realParts()[0]}.${part({ ...forged().claims, unit_code: '79', realm_access: { roles: ['province-admin'] } })}.${realParts()[2]}`],
  ['an expired token', 'TOKEN_EXPIRED', () => `Bearer ${signedByUs({ ...forged().claims, iat: now() - 7200, exp: now() - 3600 })}`],
  ['a refresh token', 'TOKEN_TYPE', () => `Bearer ${signedByUs({ ...forged().claims, typ: 'Refresh' })}`],
  ['another issuer', 'TOKEN_ISSUER', () => `Bearer ${signedByUs({ ...forged().claims, iss: 'http://127.0.0.1:8180/realms/master' })}`],
  ['another audience', 'TOKEN_AUDIENCE', () => `Bearer ${signedByUs({ ...forged().claims, aud: 'account' })}`],
];

/** 401 UNAUTHENTICATED with the reason, on the gateway and on every subgraph (signed by the gateway, so the token is what is judged). */
export function tokenCases(): Case[] {
  return TARGETS.flatMap((target) =>
    FORGERIES.map(([name, reason, authorization]): Case => ({
      target,
      kind: 'token',
      name,
      send: () => {
        const header = authorization();
        return send({ url: urlOf(target), body: JSON.stringify({ query: '{ __typename }' }), headers: header === undefined ? {} : { authorization: header } });
      },
      expected: { status: 401, code: 'UNAUTHENTICATED', details: { reason } },
    })),
  );
}
