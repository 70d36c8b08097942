import { TokenRefusedError, type TokenFailure } from './errors';

/** The parts of a bearer token the verifier reads before any library sees it. */
export interface DecodedToken {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/** What a token must have been issued by and for. */
export interface TokenExpectations {
  /** `<Keycloak URL>/realms/<realm>`, the `iss` Keycloak writes. */
  issuer: string;
  /** The client the token must name in `aud`. */
  audience: string;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The token of an `Authorization: Bearer …` header: TOKEN_MISSING without one, TOKEN_MALFORMED for another scheme. */
export function bearerToken(authorization: string | undefined): string {
  if (!authorization?.trim()) throw new TokenRefusedError('TOKEN_MISSING');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new TokenRefusedError('TOKEN_MALFORMED');
  return match[1];
}

/** A compact JWT's header and claims (not yet trusted); TOKEN_MALFORMED when it is not one. */
export function decodeToken(token: string): DecodedToken {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw new TokenRefusedError('TOKEN_MALFORMED');
  return { header: jsonObject(parts[0]), claims: jsonObject(parts[1]) };
}

function jsonObject(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // not JSON: refused below
  }
  throw new TokenRefusedError('TOKEN_MALFORMED');
}

/**
 * Keycloak signs access tokens with RS256 under a key id; anything else (`alg: none`, an HMAC,
 * no `kid`, no signature) is refused before a key is looked up.
 */
export function signatureProblem(token: string, { header }: DecodedToken): TokenFailure | null {
  const signed = token.split('.')[2] !== '';
  return header.alg === 'RS256' && typeof header.kid === 'string' && header.kid !== '' && signed ? null : 'TOKEN_SIGNATURE';
}

/** The first claim that makes the token unusable, in the order Keycloak's adapter checks them, or null. */
export function claimProblem({ claims }: DecodedToken, expected: TokenExpectations, now = Date.now()): TokenFailure | null {
  if (typeof claims.exp !== 'number') return 'TOKEN_MALFORMED';
  if (claims.exp * 1000 < now) return 'TOKEN_EXPIRED';
  if (claims.typ !== 'Bearer') return 'TOKEN_TYPE';
  if (claims.iss !== expected.issuer) return 'TOKEN_ISSUER';
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) return 'TOKEN_AUDIENCE';
  return null;
}
