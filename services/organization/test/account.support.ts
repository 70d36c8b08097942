import { RealmAdmin } from '@ps/auth';
import { infrastructure } from '@ps/testing';

/** The realm as the tests look at it behind the service's back: the same service account the service uses. */
export const realm = new RealmAdmin({
  url: infrastructure.keycloakUrl,
  realm: infrastructure.keycloakRealm,
  clientId: 'platform-admin',
  clientSecret: infrastructure.keycloakAdminClientSecret,
});

/** The variables the service's account administration reads from its process (set before it first runs). */
export function configureAccountAdministration(): void {
  Object.assign(process.env, {
    KEYCLOAK_URL: infrastructure.keycloakUrl,
    KEYCLOAK_REALM: infrastructure.keycloakRealm,
    KEYCLOAK_ADMIN_CLIENT_SECRET: infrastructure.keycloakAdminClientSecret,
  });
}

/** An account change's reason and decision, numbered. */
export const accountChange = (number: string) => ({ reason: 'Phân công quản trị hệ thống', decision: { number, date: '2026-11-20', signer: 'Chủ tịch UBND tỉnh' } });

/** The code and reason of a refusal. */
export const refusal = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
  code: response.errors?.[0]?.extensions?.code,
  reason: (response.errors?.[0]?.extensions?.details as { reason?: string } | undefined)?.reason,
});

/** The claims of a token (already verified by whoever issued it to the test). */
export const claimsOf = <T>(token: string): T => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as T;
