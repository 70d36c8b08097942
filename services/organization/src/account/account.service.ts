import { randomBytes } from 'node:crypto';
import { isManagementBody, MANAGEMENT_BODIES, requireCapability, type Principal, type RealmAdmin, type RealmUser } from '@ps/auth';
import { requiredText, todayInVietnam, writeDated, type DatedWrite, type WriteRequest } from '@ps/effective-dating';
import { BadUserInputError, DomainError, NotFoundError } from '@ps/errors';
import { mapWithConcurrency } from '@ps/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { grantableRole, isPlatformRole, requireGrantable, requireManaged, requireNotAbove, type GrantableRole } from './account.policy';
import type { AccountChangeInput, AccountCredentials, InviteUserInput, PlatformUser } from './account.types';
import { accountUnit, hasCeased, type AccountUnitVersion } from './account.units';

/** Calls to Keycloak in flight at once for one request (role lookups of a unit's accounts, an import). */
export const REALM_CONCURRENCY = 8;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A new account's fields, checked before anything is written. */
export interface NewAccount {
  username: string;
  firstName: string;
  lastName: string;
  email: string | null;
  unitCode: string;
  role: GrantableRole;
  body: string | null;
}

/**
 * The accounts of a territory, administered in the realm itself (Keycloak keeps the users; the
 * platform keeps who did what): read by the territory's administrators, written by them within
 * the policy's rules, each write one audit row citing its decision, the realm changed last so
 * that a refused or failed write leaves the realm as it was.
 */
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly realm: () => RealmAdmin,
  ) {}

  /** The accounts of one unit (a ceased unit's too, flagged for reassignment). */
  async usersOf(principal: Principal, unitCode: string): Promise<PlatformUser[]> {
    requireCapability(principal, 'admin');
    const unit = await accountUnit(this.dataSource.manager, principal, unitCode.trim(), 'any');
    return this.present(await this.realm().usersOfUnit(unit.code), unit);
  }

  /** Creates an account for a unit of the caller's territory with one role; answers its temporary password. */
  async invite(principal: Principal, input: InviteUserInput, change: AccountChangeInput): Promise<AccountCredentials> {
    requireCapability(principal, 'admin');
    const account = newAccount(input);
    requireNotAbove(principal, account.role);
    const created: { id?: string } = {};
    try {
      return await writeDated(this.dataSource, accountWrite(principal, 'inviteUser', change), async (write) => {
        const unit = await accountUnit(write.manager, principal, account.unitCode, 'serving');
        requireGrantable(principal, account.role, unit);
        const temporaryPassword = newTemporaryPassword();
        const id = await this.realm().createUser({ ...account, unitCode: unit.code, temporaryPassword });
        created.id = id;
        await this.realm().replaceRealmRoles(id, isPlatformRole, [account.role.name]);
        const user = createdAccount(id, { ...account, unitCode: unit.code }, unit);
        about(write, user, unit).after(snapshot(user));
        return { user, temporaryPassword };
      });
    } catch (error) {
      // The realm changed but the write did not commit: take the account back so nothing stays unaudited.
      if (created.id) await this.realm().deleteUser(created.id).catch(() => undefined);
      throw error;
    }
  }

  /** Gives a managed account exactly one platform role, at its unit or at another unit it moves to. */
  async assignRole(principal: Principal, userId: string, roleName: string, unitCode: string | null, change: AccountChangeInput): Promise<PlatformUser> {
    requireCapability(principal, 'admin');
    const role = grantableRole(roleName);
    requireNotAbove(principal, role);
    return writeDated(this.dataSource, accountWrite(principal, 'assignRole', change), async (write) => {
      const { user, unit: current } = await this.managed(write.manager, principal, userId);
      const unit = await accountUnit(write.manager, principal, unitCode?.trim() || current.code, 'serving');
      requireGrantable(principal, role, unit);
      about(write, user, current).concerns([unit.path]).before(snapshot(user));
      if (unit.code !== user.unitCode) await this.realm().setUnit(user, unit.code);
      await this.realm().replaceRealmRoles(user.id, isPlatformRole, [role.name]);
      // Its tokens carry the old role and unit: the sessions end, the next sign-in carries the new ones.
      await this.realm().endSessions(user.id);
      const after = await this.reread(user.id, unit);
      write.after(snapshot(after));
      return after;
    });
  }

  /** Disables (and signs out) or enables a managed account; an account of a ceased unit is reassigned before it is enabled. */
  async setEnabled(principal: Principal, userId: string, enabled: boolean, change: AccountChangeInput): Promise<PlatformUser> {
    requireCapability(principal, 'admin');
    return writeDated(this.dataSource, accountWrite(principal, enabled ? 'enableUser' : 'disableUser', change), async (write) => {
      const { user, unit } = await this.managed(write.manager, principal, userId);
      if (enabled && hasCeased(unit)) throw new AccountUnitCeasedError(user, unit);
      about(write, user, unit).before(snapshot(user));
      await this.realm().setEnabled(user.id, enabled);
      const after = await this.reread(user.id, unit);
      write.after(snapshot(after));
      return after;
    });
  }

  /** A new temporary password for a managed account, its sessions ended. */
  async resetCredentials(principal: Principal, userId: string, change: AccountChangeInput): Promise<AccountCredentials> {
    requireCapability(principal, 'admin');
    return writeDated(this.dataSource, accountWrite(principal, 'resetCredentials', change), async (write) => {
      const { user, unit } = await this.managed(write.manager, principal, userId);
      about(write, user, unit).before(snapshot(user));
      const temporaryPassword = newTemporaryPassword();
      await this.realm().resetPassword(user.id, temporaryPassword);
      const after = await this.reread(user.id, unit);
      write.after(snapshot(after));
      return { user: after, temporaryPassword };
    });
  }

  /** Accounts as the API shows them: roles read per account, a bounded number at a time. */
  async present(users: readonly RealmUser[], unit: AccountUnitVersion): Promise<PlatformUser[]> {
    const roles = await mapWithConcurrency(users, REALM_CONCURRENCY, (user) => this.realm().realmRolesOf(user.id));
    return users.map((user, index) => platformUser(user, roles[index], unit));
  }

  /** An account of the caller's territory that the caller manages; an id outside it is NOT_FOUND, as if absent. */
  private async managed(manager: EntityManager, principal: Principal, userId: string): Promise<{ user: PlatformUser; unit: AccountUnitVersion }> {
    const found = await this.realm().user(userId);
    if (!found?.unitCode) throw accountNotFound(userId);
    const unit = await accountUnit(manager, principal, found.unitCode, 'any').catch((error: unknown) => {
      throw error instanceof DomainError && error.code !== 'INTERNAL_SERVER_ERROR' ? accountNotFound(userId) : error;
    });
    const [user] = await this.present([found], unit);
    requireManaged(principal, user);
    return { user, unit };
  }

  private async reread(id: string, unit: AccountUnitVersion): Promise<PlatformUser> {
    const user = await this.realm().user(id);
    if (!user) throw accountNotFound(id);
    const [presented] = await this.present([user], unit);
    return presented;
  }
}

/** Enabling an account whose unit has ceased: it is moved to a serving unit first (assignRole). */
export class AccountUnitCeasedError extends DomainError {
  constructor(user: PlatformUser, unit: AccountUnitVersion) {
    super(
      'ACCOUNT_UNIT_CEASED',
      {
        vi: `${unit.name} (${unit.code}) đã hết hiệu lực từ ${unit.validTo}: chuyển tài khoản ${user.username} sang đơn vị đang hoạt động (assignRole) trước khi mở lại`,
        en: `${unit.name} (${unit.code}) ceased on ${unit.validTo}: move ${user.username} to a serving unit (assignRole) before enabling it`,
      },
      { details: { username: user.username, unitCode: unit.code, endedOn: unit.validTo, successorUnitCode: unit.successorCode } },
    );
  }
}

/** The fields of a new account, each checked (BAD_USER_INPUT naming the first bad field). */
export function newAccount(input: InviteUserInput): NewAccount {
  return {
    username: accountUsername(input.username),
    firstName: accountName(input.firstName, FIRST_NAME),
    lastName: accountName(input.lastName, LAST_NAME),
    email: accountEmail(input.email),
    unitCode: input.unitCode.trim(),
    role: grantableRole(input.role),
    body: accountBody(input.body),
  };
}

export const FIRST_NAME = { vi: 'Tên', en: 'First name' };
export const LAST_NAME = { vi: 'Họ', en: 'Last name' };
/** What the realm's user profile refuses in a name (Keycloak's person-name-prohibited-characters). */
// eslint-disable-next-line no-control-regex
const PROHIBITED_IN_NAMES = /[<>&"$%!#?§;*~/\\|^=[\]{}()\u0000-\u001F\u007F]/;

/** A first or last name: required, at most 500 characters, none of the characters the realm refuses in names. */
export function accountName(value: string, field: { vi: string; en: string }): string {
  const name = requiredText(value, field);
  const found = PROHIBITED_IN_NAMES.exec(name);
  if (!found) return name;
  throw new BadUserInputError(`${field.vi} không được chứa ký tự ${JSON.stringify(found[0])}`, `${field.en} may not contain ${JSON.stringify(found[0])}`, {
    reason: 'NAME_CHARACTERS',
    character: found[0],
  });
}

/** A username as the realm keeps it: lower case, 3–64 characters a–z, 0–9, dot, hyphen, underscore. */
export function accountUsername(value: string): string {
  const username = value.trim().toLowerCase();
  if (USERNAME.test(username)) return username;
  throw new BadUserInputError(
    'Tên đăng nhập gồm 3–64 ký tự a–z, 0–9, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ hoặc số',
    'A username has 3–64 characters a–z, 0–9, dot, hyphen or underscore, starting with a letter or digit',
    { reason: 'USERNAME_INVALID', username: value },
  );
}

/** An e-mail address, or null for none. */
export function accountEmail(value: string | null | undefined): string | null {
  const email = value?.trim() || null;
  if (email === null || (EMAIL.test(email) && email.length <= 254)) return email;
  throw new BadUserInputError(`Thư điện tử ${email} không hợp lệ`, `The e-mail ${email} is not valid`, { reason: 'EMAIL_INVALID', email });
}

/** An advisory body, or null for none. */
export function accountBody(value: string | null | undefined): string | null {
  const body = value?.trim() || null;
  if (body === null || isManagementBody(body)) return body;
  throw new BadUserInputError(`Cơ quan ${body} không hợp lệ: chỉ ${MANAGEMENT_BODIES.join(', ')}`, `The body ${body} is not valid: only ${MANAGEMENT_BODIES.join(', ')}`, {
    reason: 'BODY_UNKNOWN',
    body,
  });
}

/** 18 random characters and the classes every password policy of the realm asks for. */
export function newTemporaryPassword(): string {
  return `${randomBytes(12).toString('base64url')}-Ab7`;
}

/** An account change takes effect at once: today, on the decision cited. */
export function accountWrite(actor: Principal, operation: string, change: AccountChangeInput): WriteRequest {
  return { actor, operation, change: { effectiveDate: todayInVietnam(), reason: change.reason, decision: change.decision } };
}

function accountNotFound(id: string): NotFoundError {
  return new NotFoundError(`Không có tài khoản ${id} trong địa bàn của bạn`, `No account ${id} in your territory`, { userId: id });
}

/** An account just created as the API shows it, from what was sent (no second read of the realm). */
export function createdAccount(id: string, account: NewAccount, unit: AccountUnitVersion): PlatformUser {
  const { username, firstName, lastName, email, body } = account;
  return platformUser(
    { id, username, firstName, lastName, email, body, enabled: true, unitCode: unit.code, requiredActions: ['UPDATE_PASSWORD'], createdAt: null },
    [account.role.name],
    unit,
  );
}

export function platformUser(user: RealmUser, roles: readonly string[], unit: AccountUnitVersion): PlatformUser {
  const ceased = hasCeased(unit) && user.unitCode === unit.code;
  return {
    ...user,
    unitName: user.unitCode === unit.code ? unit.name : null,
    roles: roles.filter(isPlatformRole),
    mustChangePassword: user.requiredActions.includes('UPDATE_PASSWORD'),
    needsReassignment: ceased,
    unitEndedOn: ceased ? unit.validTo : null,
    successorUnitCode: ceased ? unit.successorCode : null,
  };
}

function about(write: DatedWrite, user: PlatformUser, unit: AccountUnitVersion): DatedWrite {
  return write.about({ type: 'PlatformUser', id: user.id, label: `${user.username} – ${unit.name} (${unit.code})`, unitCode: unit.code, unitPaths: [unit.path] });
}

/** What the audit row keeps of an account: never a password, no personal data beyond the username. */
function snapshot(user: PlatformUser) {
  return { username: user.username, unitCode: user.unitCode, roles: user.roles, enabled: user.enabled, mustChangePassword: user.mustChangePassword };
}
