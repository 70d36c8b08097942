import { InvariantViolation } from '@ps/errors';

/** A key provider of the realm as the admin REST API lists it (`/components?type=…KeyProvider`). */
export interface KeyProvider {
  id: string;
  name: string;
  providerId: string;
  providerType: string;
  parentId: string;
  config: Record<string, string[]>;
}

const KEY_PROVIDER = 'org.keycloak.keys.KeyProvider';

/**
 * The realm's signing keys through Keycloak's admin REST API, as an administrator rotates them:
 * a new `rsa-generated` provider of higher priority signs every token issued after it; disabling
 * a provider takes its key out of the published key set.
 */
export class RealmKeysAdmin {
  constructor(
    private readonly keycloakUrl: string,
    private readonly realm: string,
  ) {}

  /** The RS256 signing-key providers enabled now (what signs, or may have signed, the tokens in use). */
  async signingKeyProviders(): Promise<KeyProvider[]> {
    const providers = (await (await this.admin(`/components?type=${KEY_PROVIDER}`)).json()) as KeyProvider[];
    return providers.filter((provider) => provider.providerId === 'rsa-generated' && provider.config.enabled?.[0] !== 'false');
  }

  /** Adds a generated RSA signing key of `priority` (the realm's own is 100): tokens are signed with it from now on. */
  async addSigningKey(name: string, priority: number): Promise<void> {
    const { id: realmId } = (await (await this.admin('')).json()) as { id: string };
    const answer = await this.admin('/components', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        providerId: 'rsa-generated',
        providerType: KEY_PROVIDER,
        parentId: realmId,
        config: { priority: [String(priority)], enabled: ['true'], active: ['true'], keySize: ['2048'], algorithm: ['RS256'] },
      }),
    });
    if (answer.status !== 201) throw new InvariantViolation(`adding key ${name}: HTTP ${answer.status} ${await answer.text()}`);
  }

  /**
   * The realm's keys as imported: the providers named `added` removed, every disabled `rsa-generated`
   * enabled again (the suite's Keycloak keeps its database between runs, an interrupted run included).
   */
  async restore(added: string): Promise<void> {
    const providers = (await (await this.admin(`/components?type=${KEY_PROVIDER}`)).json()) as KeyProvider[];
    for (const provider of providers.filter(({ name }) => name === added)) {
      const answer = await this.admin(`/components/${provider.id}`, { method: 'DELETE' });
      if (answer.status !== 204) throw new InvariantViolation(`removing key ${provider.name}: HTTP ${answer.status}`);
    }
    for (const provider of providers.filter((one) => one.name !== added && one.providerId === 'rsa-generated' && one.config.enabled?.[0] === 'false')) {
      await this.setEnabled(provider, true);
    }
  }

  /** Disables a key provider: its key is no longer published, so tokens signed with it stop verifying. */
  disable(provider: KeyProvider): Promise<void> {
    return this.setEnabled(provider, false);
  }

  private async setEnabled(provider: KeyProvider, enabled: boolean): Promise<void> {
    const answer = await this.admin(`/components/${provider.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...provider, config: { ...provider.config, enabled: [String(enabled)] } }),
    });
    if (answer.status !== 204) throw new InvariantViolation(`key ${provider.name} enabled=${enabled}: HTTP ${answer.status} ${await answer.text()}`);
  }

  private async admin(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await this.adminToken();
    return fetch(`${this.keycloakUrl}/admin/realms/${this.realm}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` },
    });
  }

  /** The bootstrap administrator of the master realm (admin / admin, local only); asked each time, it is short-lived. */
  private async adminToken(): Promise<string> {
    const answer = await fetch(`${this.keycloakUrl}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
    });
    if (!answer.ok) throw new InvariantViolation(`admin token: HTTP ${answer.status}`);
    return ((await answer.json()) as { access_token: string }).access_token;
  }
}
