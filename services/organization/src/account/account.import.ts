import { requireCapability, type Principal, type RealmAdmin } from '@ps/auth';
import { requiredText, writeDated } from '@ps/effective-dating';
import { BadUserInputError, DomainError } from '@ps/errors';
import { fileContentOf, inFileOrder, readSheet, RowRejects, type SheetRow } from '@ps/file-import';
import { mapWithConcurrency } from '@ps/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { grantableRole, isPlatformRole, requireGrantable } from './account.policy';
import {
  accountBody,
  accountEmail,
  accountName,
  accountUsername,
  accountWrite,
  createdAccount,
  FIRST_NAME,
  LAST_NAME,
  newTemporaryPassword,
  REALM_CONCURRENCY,
  type NewAccount,
} from './account.service';
import type { AccountCredentials, AccountImportResult, ImportUsersInput } from './account.types';
import { accountUnit, type AccountUnitVersion } from './account.units';

/** The columns of an accounts file, by the field each fills. */
export const ACCOUNT_COLUMNS = {
  username: 'Tên đăng nhập',
  lastName: 'Họ',
  firstName: 'Tên',
  email: 'Thư điện tử',
  unitCode: 'Mã đơn vị',
  role: 'Vai trò',
  body: 'Cơ quan',
} as const;

/** The most accounts one file may create (a province's communes several times over). */
export const MAX_ACCOUNTS_PER_FILE = 5000;

interface CheckedRow {
  row: number;
  account: NewAccount | null;
  rejects: RowRejects;
}

/**
 * Creates the accounts of a CSV or Excel file, all or none: every row is checked first (its
 * cells, the same username or e-mail twice in the file or already in the realm, the unit inside
 * the caller's territory and in force, the role one the caller may grant there); any reject and
 * nothing is created, the report names every refused cell. Otherwise all are created, a bounded
 * number at a time, under one audit row that concerns every unit; if the realm fails half-way,
 * the accounts already created are deleted again.
 */
export class AccountImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly realm: () => RealmAdmin,
  ) {}

  async run(principal: Principal, input: ImportUsersInput): Promise<AccountImportResult> {
    requireCapability(principal, 'admin');
    const sheet = await readSheet(input.format, fileContentOf(input.contentBase64), Object.values(ACCOUNT_COLUMNS));
    if (sheet.length > MAX_ACCOUNTS_PER_FILE) {
      throw new BadUserInputError(`Tệp có ${sheet.length} dòng; tối đa ${MAX_ACCOUNTS_PER_FILE} tài khoản mỗi tệp`, `The file has ${sheet.length} rows; at most ${MAX_ACCOUNTS_PER_FILE} accounts per file`, {
        reason: 'IMPORT_TOO_MANY_ROWS',
        rows: sheet.length,
        limit: MAX_ACCOUNTS_PER_FILE,
      });
    }
    const rows = sheet.map(checkCells);
    refuseRepeats(rows);
    const units = await this.checkUnits(this.dataSource.manager, principal, rows);
    await this.checkRealm(rows);
    const rejects = rows.flatMap((row) => row.rejects.rejects);
    if (rejects.length > 0) {
      return { imported: 0, rejected: rows.filter((row) => row.rejects.rejects.length > 0).length, rejects: inFileOrder(rejects), accounts: [] };
    }
    const accounts = await this.create(principal, input, rows.map((row) => row.account as NewAccount), units);
    return { imported: accounts.length, rejected: 0, rejects: [], accounts };
  }

  /** Each distinct unit once: inside the territory and in force today; then each row's role against its unit. */
  private async checkUnits(manager: EntityManager, principal: Principal, rows: CheckedRow[]): Promise<Map<string, AccountUnitVersion>> {
    const units = new Map<string, AccountUnitVersion>();
    const refused = new Map<string, DomainError>();
    for (const code of new Set(rows.flatMap((row) => (row.account ? [row.account.unitCode] : [])))) {
      try {
        units.set(code, await accountUnit(manager, principal, code, 'serving'));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused.set(code, error);
      }
    }
    for (const row of rows) {
      if (!row.account) continue;
      const { unitCode, role } = row.account;
      const problem = refused.get(unitCode);
      if (problem) row.rejects.refuse(ACCOUNT_COLUMNS.unitCode, problem);
      else row.rejects.cell(ACCOUNT_COLUMNS.role, () => requireGrantable(principal, role, units.get(unitCode) as AccountUnitVersion));
    }
    return units;
  }

  /** Usernames and e-mails the realm already has (asked only for rows otherwise good). */
  private async checkRealm(rows: CheckedRow[]): Promise<void> {
    const candidates = rows.filter((row) => row.account && row.rejects.rejects.length === 0);
    await mapWithConcurrency(candidates, REALM_CONCURRENCY, async ({ account, rejects }) => {
      const { username, email } = account as NewAccount;
      if (await this.realm().userNamed(username)) rejects.refuse(ACCOUNT_COLUMNS.username, exists('USERNAME_TAKEN', `Tên đăng nhập ${username}`, `The username ${username}`));
      if (email && (await this.realm().userWithEmail(email))) rejects.refuse(ACCOUNT_COLUMNS.email, exists('EMAIL_TAKEN', `Thư điện tử ${email}`, `The e-mail ${email}`));
    });
  }

  private async create(principal: Principal, input: ImportUsersInput, accounts: NewAccount[], units: Map<string, AccountUnitVersion>): Promise<AccountCredentials[]> {
    const created: string[] = [];
    try {
      return await writeDated(this.dataSource, accountWrite(principal, 'importUsers', input.change), async (write) => {
        write.about({
          type: 'AccountImport',
          id: write.correlationId,
          label: `${accounts.length} tài khoản / accounts`,
          unitCode: accounts.length > 0 ? accounts[0].unitCode : null,
          unitPaths: [...units.values()].map((unit) => unit.path),
        });
        const results = await mapWithConcurrency(accounts, REALM_CONCURRENCY, async (account) => {
          const temporaryPassword = newTemporaryPassword();
          const id = await this.realm().createUser({ ...account, temporaryPassword });
          created.push(id);
          await this.realm().replaceRealmRoles(id, isPlatformRole, [account.role.name]);
          const user = createdAccount(id, account, units.get(account.unitCode) as AccountUnitVersion);
          return { user, temporaryPassword };
        });
        write.after({ accounts: results.map(({ user }) => ({ username: user.username, unitCode: user.unitCode, roles: user.roles })) });
        return results;
      });
    } catch (error) {
      // Nothing of a failed import stays in the realm: the accounts it created are deleted again.
      await mapWithConcurrency(created, REALM_CONCURRENCY, (id) => this.realm().deleteUser(id).catch(() => undefined));
      throw error;
    }
  }
}

/** A row's cells read one by one, so that one pass reports every bad cell. */
function checkCells({ row, cells }: SheetRow): CheckedRow {
  const rejects = new RowRejects(row);
  const cell = (column: string) => cells.get(column) ?? '';
  const username = rejects.cell(ACCOUNT_COLUMNS.username, () => accountUsername(cell(ACCOUNT_COLUMNS.username)));
  const lastName = rejects.cell(ACCOUNT_COLUMNS.lastName, () => accountName(cell(ACCOUNT_COLUMNS.lastName), LAST_NAME));
  const firstName = rejects.cell(ACCOUNT_COLUMNS.firstName, () => accountName(cell(ACCOUNT_COLUMNS.firstName), FIRST_NAME));
  const email = rejects.cell(ACCOUNT_COLUMNS.email, () => accountEmail(cell(ACCOUNT_COLUMNS.email)));
  const unitCode = rejects.cell(ACCOUNT_COLUMNS.unitCode, () => requiredText(cell(ACCOUNT_COLUMNS.unitCode), { vi: 'Mã đơn vị', en: 'Unit code' }));
  const role = rejects.cell(ACCOUNT_COLUMNS.role, () => grantableRole(cell(ACCOUNT_COLUMNS.role)));
  const body = rejects.cell(ACCOUNT_COLUMNS.body, () => accountBody(cell(ACCOUNT_COLUMNS.body)));
  if (username === undefined || lastName === undefined || firstName === undefined || email === undefined || unitCode === undefined || role === undefined || body === undefined) {
    return { row, rejects, account: null };
  }
  return { row, rejects, account: { username, lastName, firstName, email, unitCode, role, body } };
}

/** The second and later rows with a username or e-mail an earlier row of the file has. */
function refuseRepeats(rows: readonly CheckedRow[]): void {
  const seen = { username: new Map<string, number>(), email: new Map<string, number>() };
  for (const { account, rejects, row } of rows) {
    if (!account) continue;
    for (const [field, value] of [['username', account.username], ['email', account.email?.toLowerCase() ?? null]] as const) {
      if (value === null) continue;
      const first = seen[field].get(value);
      if (first === undefined) seen[field].set(value, row);
      else rejects.refuse(ACCOUNT_COLUMNS[field], new BadUserInputError(`${value} trùng với dòng ${first}`, `${value} repeats row ${first}`, { reason: 'DUPLICATE_IN_FILE' }));
    }
  }
}

function exists(reason: string, vi: string, en: string): DomainError {
  return new BadUserInputError(`${vi} đã có trong hệ thống`, `${en} already exists`, { reason });
}
