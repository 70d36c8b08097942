import { AccountDirectoryUnavailableError } from './realm-admin.errors';

/** Where the realm's accounts are administered and with which service account. */
export interface RealmAdminSettings {
  /** Keycloak's base URL, e.g. `http://127.0.0.1:8180`. */
  url: string;
  realm: string;
  /** A confidential client whose service account holds realm-management's user roles. */
  clientId: string;
  clientSecret: string;
  /** Longest wait for one answer from Keycloak. */
  timeoutMs?: number;
}

/**
 * How the platform speaks to Keycloak's Admin REST API: as the service account of one confidential
 * client (its token by client credentials, reused until shortly before it expires), every failure of
 * Keycloak itself ACCOUNT_DIRECTORY_UNAVAILABLE. What is asked is {@link RealmAdmin}'s.
 */
export class RealmAdminClient {
  private token: { value: string; until: number } | null = null;

  constructor(private readonly settings: RealmAdminSettings) {}

  /** Where the realm's clients ask for tokens (what an app developer is told). */
  get tokenEndpoint(): string {
    return `${this.settings.url}/realms/${encodeURIComponent(this.settings.realm)}/protocol/openid-connect/token`;
  }

  protected async json<T>(method: string, path: string): Promise<T> {
    const response = await this.call(method, path);
    await this.expectOk(response);
    return (await response.json()) as T;
  }

  protected async expectOk(response: Response): Promise<void> {
    if (response.ok) return;
    await response.body?.cancel();
    throw new AccountDirectoryUnavailableError();
  }

  protected async call(method: string, path: string, body?: unknown): Promise<Response> {
    const { url, realm } = this.settings;
    try {
      return await fetch(`${url}/admin/realms/${encodeURIComponent(realm)}${path}`, {
        method,
        headers: { authorization: `Bearer ${await this.accessToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch {
      throw new AccountDirectoryUnavailableError();
    }
  }

  /** The service account's token (client credentials), reused until 30 s before it expires. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const { clientId, clientSecret } = this.settings;
    const response = await fetch(this.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
      signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new AccountDirectoryUnavailableError();
    const { access_token: value, expires_in: expiresIn } = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value, until: Date.now() + (expiresIn - 30) * 1000 };
    return value;
  }
}
