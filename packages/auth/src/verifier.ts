import { UnauthenticatedError } from '@ps/errors';
import Keycloak from 'keycloak-connect';
import { UnassignedAccountError } from './errors';
import { CAPABILITIES, NATIONAL_UNIT_CODE, platformRoles, tierRank, type Principal } from './principal';

export interface KeycloakSettings {
  /** Base URL of Keycloak, the token issuer's host (e.g. http://127.0.0.1:8180). */
  url: string;
  realm: string;
  /** Client the tokens must be issued for (their `aud`). */
  clientId: string;
}

/** Turns an `Authorization` header into a Principal, or rejects with a typed error. */
export interface TokenVerifier {
  verify(authorization: string | undefined): Promise<Principal>;
}

interface AccessTokenContent {
  sub?: string;
  preferred_username?: string;
  unit_code?: unknown;
  realm_access?: { roles?: unknown };
}

/**
 * The one place keycloak-connect is used: offline verification of the bearer token's
 * signature (realm JWKS, cached), expiry, type, issuer and audience.
 */
export function createKeycloakVerifier(settings: KeycloakSettings): TokenVerifier {
  const keycloak = new Keycloak(
    {},
    {
      realm: settings.realm,
      'auth-server-url': settings.url.replace(/\/$/, ''),
      resource: settings.clientId,
      'bearer-only': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      'verify-token-audience': true,
    } as unknown as Keycloak.KeycloakConfig,
  );

  return {
    async verify(authorization) {
      const token = bearerToken(authorization);
      let content: AccessTokenContent;
      try {
        const grant = await keycloak.grantManager.createGrant({ access_token: token } as never);
        content = (grant.access_token as unknown as { content: AccessTokenContent }).content;
      } catch (error) {
        throw new UnauthenticatedError(error instanceof Error ? error.message : 'invalid token');
      }
      return principalFromClaims(content);
    },
  };
}

function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new UnauthenticatedError('missing bearer token');
  return match[1];
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
  };
}
