import { RealmAdmin, type RealmAdminSettings } from '@ps/auth';
import { loadEnv } from '@ps/service-kit';
import { z } from 'zod';

/**
 * The organization service's variables for account administration: Keycloak's own (shared with
 * every service) and the confidential client whose service account manages the realm's users.
 */
export const accountEnvShape = {
  KEYCLOAK_URL: z.string().url(),
  KEYCLOAK_REALM: z.string().min(1),
  KEYCLOAK_ADMIN_CLIENT_ID: z.string().min(1).default('platform-admin'),
  KEYCLOAK_ADMIN_CLIENT_SECRET: z.string().min(1),
};

/** Validates the variables (ConfigError naming the missing or malformed one). */
export function parseRealmAdminSettings(source: NodeJS.ProcessEnv): RealmAdminSettings {
  const env = loadEnv(z.object(accountEnvShape), source);
  return { url: env.KEYCLOAK_URL, realm: env.KEYCLOAK_REALM, clientId: env.KEYCLOAK_ADMIN_CLIENT_ID, clientSecret: env.KEYCLOAK_ADMIN_CLIENT_SECRET };
}

let processRealmAdmin: RealmAdmin | undefined;

/** The process's realm administration, configured at its first use (runService has loaded `.env` by then). */
export function realmAdmin(): RealmAdmin {
  processRealmAdmin ??= new RealmAdmin(parseRealmAdminSettings(process.env));
  return processRealmAdmin;
}
