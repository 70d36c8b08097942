import { createHash, randomBytes } from 'node:crypto';
import { InvariantViolation } from '@ps/errors';
import { infrastructure } from './infrastructure';

/** Where the console client may be sent back to (one of its exact redirect URIs in the realm). */
const CONSOLE_REDIRECT = 'http://127.0.0.1:5173/';

/** What a first sign-in through the login form leaves the user with. */
export interface FormSignIn {
  accessToken: string;
  /** The page Keycloak showed after the password, e.g. `UPDATE_PASSWORD` (null: none). */
  requiredAction: string | null;
}

/**
 * Signs a user in through the realm's own login form over HTTP, as the console's first sign-in
 * does without a browser: Authorization Code + PKCE on the public `console` client, the
 * username and password posted to the form, the new password posted when Keycloak asks for one
 * (a temporary password), the code exchanged for tokens. Cookies are carried by hand.
 */
export async function signInThroughForm(username: string, password: string, newPassword?: string): Promise<FormSignIn> {
  const oidc = `${infrastructure.keycloakUrl}/realms/${infrastructure.keycloakRealm}/protocol/openid-connect`;
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const jar = new Map<string, string>();
  const send = async (url: string, form?: Record<string, string>) => {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  };
  const formAction = (html: string, what: string): string => {
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new InvariantViolation(`the login form has no ${what}: ${html.slice(0, 300)}`);
    return action.replaceAll('&amp;', '&');
  };
  const query = new URLSearchParams({
    client_id: 'console',
    redirect_uri: CONSOLE_REDIRECT,
    response_type: 'code',
    scope: 'openid',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: 'vi',
  });
  /** Follows Keycloak's own redirects (to a required action's page) until a page or the way back to the app. */
  const settle = async (first: Awaited<ReturnType<typeof send>>) => {
    let answer = first;
    while (answer.status >= 300 && answer.status < 400 && answer.location && !answer.location.startsWith(CONSOLE_REDIRECT)) {
      answer = await send(new URL(answer.location, infrastructure.keycloakUrl).toString());
    }
    return answer;
  };
  const login = await send(`${oidc}/auth?${query}`);
  let answer = await settle(await send(formAction(login.html, 'sign-in form'), { username, password, credentialId: '' }));
  let requiredAction: string | null = null;
  if (answer.status === 200 && answer.html.includes('password-new')) {
    requiredAction = 'UPDATE_PASSWORD';
    if (!newPassword) throw new InvariantViolation(`${username} must change the password: no new one given`);
    answer = await settle(await send(formAction(answer.html, 'password form'), { 'password-new': newPassword, 'password-confirm': newPassword }));
  }
  const code = answer.location ? new URL(answer.location).searchParams.get('code') : null;
  if (!code) throw new InvariantViolation(`no code for ${username} (HTTP ${answer.status}): ${answer.html.replace(/\s+/g, ' ').slice(0, 400)}`);
  const token = await fetch(`${oidc}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'console', code, redirect_uri: CONSOLE_REDIRECT, code_verifier: verifier }),
  });
  if (!token.ok) throw new InvariantViolation(`code exchange for ${username}: HTTP ${token.status} ${await token.text()}`);
  return { accessToken: ((await token.json()) as { access_token: string }).access_token, requiredAction };
}
