import Keycloak from 'keycloak-js';
import type { ConsoleConfig } from '../config';
import { signedInFrom, type SignedIn } from './principal';
import { SignInUnreachable } from './sign-in-unreachable';

export { SignInUnreachable } from './sign-in-unreachable';

/** A signed-in browser session: a fresh access token on demand, and logout from Keycloak too. */
export interface Session {
  who: SignedIn | null;
  /** The access token, refreshed silently when it has less than 30 s left. */
  token(): Promise<string>;
  logout(): Promise<void>;
}

/** The language Keycloak's page is shown in, as the console was last used (Vietnamese first). */
export const preferredLanguage = (): 'vi' | 'en' => (localStorage.getItem('console.language') === 'en' ? 'en' : 'vi');

/**
 * Signs in through Keycloak with Authorization Code + PKCE (S256) on the realm's public client:
 * back from Keycloak, the code is exchanged; without a session, the browser goes to Keycloak's
 * page (in the console's language) and this promise never settles.
 */
export async function signIn(config: ConsoleConfig): Promise<Session> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  const authenticated = await keycloak.init({ pkceMethod: 'S256', checkLoginIframe: false }).catch(async (failure: unknown) => {
    throw (await realmAnswers(config)) ? failure : new SignInUnreachable(config.keycloakUrl);
  });
  if (!authenticated) {
    await keycloak.login({ locale: preferredLanguage(), redirectUri: window.location.href });
    return new Promise<Session>(() => undefined);
  }
  const fresh = () => keycloak.updateToken(30).catch(() => afterFailedRefresh(keycloak, config));
  keycloak.onTokenExpired = () => void fresh().catch(() => undefined);
  return {
    who: signedInFrom(keycloak.tokenParsed as Parameters<typeof signedInFrom>[0]),
    async token() {
      await fresh();
      return keycloak.token ?? '';
    },
    logout: () => keycloak.logout({ redirectUri: `${window.location.origin}/` }),
  };
}

/**
 * A refresh that failed. While Keycloak answers, the session has ended (logout elsewhere, a
 * disabled account): back to its sign-in page. While it does not, that page could not even load:
 * the token in hand is used as long as it is valid (the platform still verifies it from cached
 * keys), and after that the console says the sign-in service is unreachable instead of leaving
 * for a page that is not there.
 */
async function afterFailedRefresh(keycloak: Keycloak, config: ConsoleConfig): Promise<void> {
  if (await realmAnswers(config)) {
    await keycloak.login({ locale: preferredLanguage() });
    return;
  }
  if (keycloak.isTokenExpired()) throw new SignInUnreachable(config.keycloakUrl);
}

/** Whether the realm's discovery document answers: tells an unreachable Keycloak from another failure of keycloak-js. */
async function realmAnswers(config: ConsoleConfig): Promise<boolean> {
  const discovery = `${config.keycloakUrl.replace(/\/+$/, '')}/realms/${config.realm}/.well-known/openid-configuration`;
  return fetch(discovery, { cache: 'no-store' }).then((response) => response.ok, () => false);
}
