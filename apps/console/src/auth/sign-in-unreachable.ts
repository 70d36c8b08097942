/**
 * Keycloak does not answer: at start nobody can sign in until it is back (keycloak-js says only
 * "Failed to fetch"); later, a token that expired could not be refreshed. Shown as SIGN_IN_UNAVAILABLE.
 */
export class SignInUnreachable extends Error {
  constructor(readonly keycloakUrl: string) {
    super(
      `Không liên lạc được dịch vụ đăng nhập (Keycloak, ${keycloakUrl}); vui lòng thử lại sau ít phút / ` +
        `The sign-in service (Keycloak, ${keycloakUrl}) cannot be reached: try again in a few minutes`,
    );
  }
}
