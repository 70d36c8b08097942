import { infrastructure } from './infrastructure';
import { InvariantViolation } from '@ps/errors';

/** Demo accounts of the realm (infra/keycloak), one per tier and role the tests need. */
export const DEMO_USERS = {
  provinceAdmin: 'admin.binhduong',
  districtAdmin: 'admin.dautieng',
  districtOfficer: 'officer.dautieng',
  districtViewer: 'viewer.dautieng',
  anLapAdmin: 'admin.anlap',
  dinhAnAdmin: 'admin.dinhan',
  anLapOfficer: 'officer.anlap',
  nationalRecorder: 'recorder.national',
  hcmcAdmin: 'admin.tphcm',
  thanhAnAdmin: 'admin.thanhan',
  /** Officers of an advisory body (token claim `body`). */
  provinceOrganizationBoard: 'tochuc.binhduong',
  hcmcOrganizationBoard: 'tochuc.tphcm',
  districtOrganizationBoard: 'tochuc.dautieng',
  districtHomeAffairs: 'noivu.dautieng',
  provinceHomeAffairs: 'noivu.binhduong',
  hcmcHomeAffairs: 'noivu.tphcm',
  dinhAnViewer: 'viewer.dinhan',
} as const;

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-2026';

const cache = new Map<string, { token: string; expiresAt: number }>();

/** An access token for a demo user (password grant on the confidential test client), cached until near expiry. */
export async function tokenFor(username: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = cache.get(username);
  if (cached && cached.expiresAt > Date.now() + 30_000) return cached.token;
  const { token, expiresIn } = await passwordGrant(infrastructure.keycloakUrl, username, password);
  cache.set(username, { token, expiresAt: Date.now() + expiresIn * 1000 });
  return token;
}

/**
 * A fresh sign-in (a new session, never cached) of a demo user at the Keycloak at `keycloakUrl`:
 * what a test that runs a Keycloak of its own signs in with. Throws when Keycloak cannot be reached.
 */
export async function passwordGrant(keycloakUrl: string, username: string, password = DEMO_PASSWORD): Promise<{ token: string; expiresIn: number }> {
  const response = await fetch(`${keycloakUrl}/realms/${infrastructure.keycloakRealm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: infrastructure.keycloakClientId,
      client_secret: infrastructure.keycloakClientSecret,
      username,
      password,
      scope: 'openid',
    }),
  });
  if (!response.ok) throw new InvariantViolation(`token for ${username}: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return { token: body.access_token, expiresIn: body.expires_in };
}
