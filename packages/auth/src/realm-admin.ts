import { RealmAdminClient } from './realm-admin.client';
import { AccountDirectoryUnavailableError, AccountExistsError, AccountRefusedError } from './realm-admin.errors';
import { clientAppRepresentation, realmClientApp, type ClientRepresentation, type NewRealmClientApp, type RealmClientApp } from './realm-apps';

/** An account as the platform reads it from the realm. */
export interface RealmUser {
  id: string;
  username: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  enabled: boolean;
  /** The `unit_code` attribute, or null for an account without one. */
  unitCode: string | null;
  /** The `body` attribute, or null. */
  body: string | null;
  requiredActions: string[];
  createdAt: string | null;
}

/** What a new account starts with; it must change the temporary password at its first sign-in. */
export interface NewRealmUser {
  username: string;
  firstName: string;
  lastName: string;
  email: string | null;
  unitCode: string;
  body: string | null;
  temporaryPassword: string;
}

interface UserRepresentation {
  id: string;
  username: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  enabled: boolean;
  attributes?: Record<string, string[]>;
  requiredActions?: string[];
  createdTimestamp?: number;
}

interface RoleRepresentation {
  id: string;
  name: string;
}

/**
 * The realm's accounts through Keycloak's Admin REST API, as one service account: the platform
 * keeps no user store of its own. Who may do what is decided before any call here; this class
 * only speaks Keycloak. Every failure of Keycloak itself is ACCOUNT_DIRECTORY_UNAVAILABLE.
 */
export class RealmAdmin extends RealmAdminClient {
  private readonly roles = new Map<string, RoleRepresentation>();

  /** The accounts whose `unit_code` is exactly `unitCode`, username order. */
  async usersOfUnit(unitCode: string, max = 1000): Promise<RealmUser[]> {
    const query = new URLSearchParams({ q: `unit_code:${unitCode}`, exact: 'true', briefRepresentation: 'false', max: String(max) });
    const users = await this.json<UserRepresentation[]>('GET', `/users?${query}`);
    return users.map(realmUser).sort((a, b) => a.username.localeCompare(b.username));
  }

  /** One account by id, or null. */
  async user(id: string): Promise<RealmUser | null> {
    const response = await this.call('GET', `/users/${encodeURIComponent(id)}`);
    if (response.status === 404) return null;
    await this.expectOk(response);
    return realmUser((await response.json()) as UserRepresentation);
  }

  /** The account with exactly this username, or null. */
  async userNamed(username: string): Promise<RealmUser | null> {
    const query = new URLSearchParams({ username, exact: 'true', briefRepresentation: 'false' });
    const [user] = await this.json<UserRepresentation[]>('GET', `/users?${query}`);
    return user ? realmUser(user) : null;
  }

  /** The account with exactly this e-mail, or null. */
  async userWithEmail(email: string): Promise<RealmUser | null> {
    const query = new URLSearchParams({ email, exact: 'true', briefRepresentation: 'false' });
    const [user] = await this.json<UserRepresentation[]>('GET', `/users?${query}`);
    return user ? realmUser(user) : null;
  }

  /** The names of the realm roles mapped directly to an account. */
  async realmRolesOf(id: string): Promise<string[]> {
    const roles = await this.json<RoleRepresentation[]>('GET', `/users/${encodeURIComponent(id)}/role-mappings/realm`);
    return roles.map((role) => role.name).sort();
  }

  /** Creates an enabled account that must set its own password at its first sign-in; answers its id. */
  async createUser(user: NewRealmUser): Promise<string> {
    const attributes: Record<string, string[]> = { unit_code: [user.unitCode] };
    if (user.body) attributes.body = [user.body];
    const response = await this.call('POST', '/users', {
      username: user.username,
      firstName: user.firstName,
      lastName: user.lastName,
      ...(user.email ? { email: user.email } : {}),
      enabled: true,
      attributes,
      credentials: [{ type: 'password', value: user.temporaryPassword, temporary: true }],
      requiredActions: ['UPDATE_PASSWORD'],
    });
    if (response.status === 409) throw new AccountExistsError(user.username, user.email);
    if (response.status === 400) throw new AccountRefusedError(await refusedField(response));
    await this.expectOk(response);
    const id = response.headers.get('location')?.split('/').pop();
    if (!id) throw new AccountDirectoryUnavailableError();
    return id;
  }

  /** Deletes an account (undoing a creation whose record could not be kept). */
  async deleteUser(id: string): Promise<void> {
    await this.expectOk(await this.call('DELETE', `/users/${encodeURIComponent(id)}`));
  }

  /** Sets the account's unit (and keeps its other attributes). */
  async setUnit(user: Pick<RealmUser, 'id' | 'username' | 'firstName' | 'lastName' | 'email' | 'body'>, unitCode: string): Promise<void> {
    const attributes: Record<string, string[]> = { unit_code: [unitCode] };
    if (user.body) attributes.body = [user.body];
    await this.expectOk(
      await this.call('PUT', `/users/${encodeURIComponent(user.id)}`, {
        username: user.username,
        firstName: user.firstName ?? undefined,
        lastName: user.lastName ?? undefined,
        email: user.email ?? undefined,
        attributes,
      }),
    );
  }

  /** Replaces the account's realm roles among `managed` by exactly `granted`; other roles stay. */
  async replaceRealmRoles(id: string, managed: (name: string) => boolean, granted: readonly string[]): Promise<void> {
    const held = await this.realmRolesOf(id);
    const removed = held.filter((name) => managed(name) && !granted.includes(name));
    const added = granted.filter((name) => !held.includes(name));
    const path = `/users/${encodeURIComponent(id)}/role-mappings/realm`;
    if (added.length > 0) await this.expectOk(await this.call('POST', path, await this.realmRoles(added)));
    if (removed.length > 0) await this.expectOk(await this.call('DELETE', path, await this.realmRoles(removed)));
  }

  /** Enables or disables an account; disabling also ends its sessions. */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await this.expectOk(await this.call('PUT', `/users/${encodeURIComponent(id)}`, { enabled }));
    if (!enabled) await this.endSessions(id);
  }

  /** A new temporary password, to be changed at the next sign-in; the account's sessions end. */
  async resetPassword(id: string, temporaryPassword: string): Promise<void> {
    await this.expectOk(
      await this.call('PUT', `/users/${encodeURIComponent(id)}/reset-password`, { type: 'password', value: temporaryPassword, temporary: true }),
    );
    await this.endSessions(id);
  }

  /** Ends every session of the account (its tokens are refused by the gateway's session check). */
  async endSessions(id: string): Promise<void> {
    await this.expectOk(await this.call('POST', `/users/${encodeURIComponent(id)}/logout`));
  }

  /**
   * Registers a client app: a confidential client with client credentials only, whose tokens carry
   * `unit_code` fixed to its unit and `aud` platform-api, its service account holding one realm role.
   * Answers the client and its secret; a failure half-way deletes the client again.
   */
  async createClientApp(app: NewRealmClientApp): Promise<{ client: RealmClientApp; secret: string }> {
    const response = await this.call('POST', '/clients', clientAppRepresentation(app));
    if (response.status === 409) throw new AccountExistsError(app.clientId, null);
    await this.expectOk(response);
    const id = response.headers.get('location')?.split('/').pop();
    if (!id) throw new AccountDirectoryUnavailableError();
    try {
      const account = await this.json<UserRepresentation>('GET', `/clients/${id}/service-account-user`);
      await this.expectOk(await this.call('POST', `/users/${account.id}/role-mappings/realm`, await this.realmRoles([app.role])));
      const { value } = await this.json<{ value: string }>('GET', `/clients/${id}/client-secret`);
      const client = await this.clientApp(app.clientId);
      if (!client) throw new AccountDirectoryUnavailableError();
      return { client, secret: value };
    } catch (error) {
      await this.call('DELETE', `/clients/${id}`).catch(() => undefined);
      throw error;
    }
  }

  /** The client apps whose client id starts with `prefix`, client id order. */
  async clientApps(prefix: string): Promise<RealmClientApp[]> {
    const query = new URLSearchParams({ clientId: prefix, search: 'true', max: '1000' });
    const clients = await this.json<ClientRepresentation[]>('GET', `/clients?${query}`);
    return clients.filter((client) => client.clientId.startsWith(prefix)).map(realmClientApp).sort((a, b) => a.clientId.localeCompare(b.clientId));
  }

  /** One client app by client id, or null. */
  async clientApp(clientId: string): Promise<RealmClientApp | null> {
    const query = new URLSearchParams({ clientId, search: 'false' });
    const [client] = await this.json<ClientRepresentation[]>('GET', `/clients?${query}`);
    const app = client ? realmClientApp(client) : null;
    return app?.unitCode ? app : null;
  }

  /** Revokes a client app: disabled (no token is issued to it) and its secret replaced (the old one is dead for good). */
  async revokeClientApp(app: RealmClientApp): Promise<void> {
    await this.expectOk(await this.call('PUT', `/clients/${app.id}`, { clientId: app.clientId, enabled: false }));
    await this.expectOk(await this.call('POST', `/clients/${app.id}/client-secret`));
  }

  private async realmRoles(names: readonly string[]): Promise<RoleRepresentation[]> {
    return Promise.all(
      names.map(async (name) => {
        const known = this.roles.get(name);
        if (known) return known;
        const role = await this.json<RoleRepresentation>('GET', `/roles/${encodeURIComponent(name)}`);
        this.roles.set(name, { id: role.id, name: role.name });
        return role;
      }),
    );
  }
}

function realmUser(user: UserRepresentation): RealmUser {
  return {
    id: user.id,
    username: user.username,
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    email: user.email ?? null,
    enabled: user.enabled,
    unitCode: user.attributes?.unit_code?.[0] ?? null,
    body: user.attributes?.body?.[0] ?? null,
    requiredActions: user.requiredActions ?? [],
    createdAt: user.createdTimestamp ? new Date(user.createdTimestamp).toISOString() : null,
  };
}

/** The attribute Keycloak's user profile refused (`{"field":"email","errorMessage":…}`), or "account". */
async function refusedField(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { field?: unknown; errors?: Array<{ field?: unknown }> };
  const field = body.field ?? body.errors?.[0]?.field;
  return typeof field === 'string' ? field : 'account';
}
