import { hasCapability, type ManagementBody, type Principal } from '@ps/auth';
import { ForbiddenError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { managingAuthorities, prospectiveAuthoritiesSql, type ManagingAuthority } from './managing-authority.lookup';

/** Someone to be put on file: a key the caller names them by (a row number), their category and unit. */
export interface Prospect {
  key: string;
  category: string;
  unitCode: string;
}

/** Who manages a person, as a refusal tells the caller. */
type Manager = Pick<ManagingAuthority, 'tier' | 'unitCode' | 'unitName' | 'body' | 'ruleCode'>;

const BODY_NAMES: Record<ManagementBody, { vi: string; en: string }> = {
  ORGANIZATION_BOARD: { vi: 'Ban Tổ chức', en: 'the organization board' },
  HOME_AFFAIRS: { vi: 'cơ quan Nội vụ', en: 'the home-affairs office' },
};

/**
 * True when the caller acts for the body and unit an authority names: an officer or admin
 * working in that body (token claim `body`) at that tier, of that very unit.
 */
export function actsFor(principal: Principal, authority: Pick<ManagingAuthority, 'body' | 'tier' | 'unitCode'>): boolean {
  return (
    hasCapability(principal, 'officer') &&
    principal.body === authority.body &&
    principal.tier === authority.tier &&
    principal.unitCode === authority.unitCode
  );
}

/**
 * FORBIDDEN: the caller does not manage the person on the date. The message names who does
 * under decentralisation (`details.managedBy`), or says that no rule names anyone (reason
 * NO_MANAGING_BODY): then nobody may act on the file that day.
 */
export class NotManagingError extends ForbiddenError {
  constructor(subject: { personId?: string; row?: string }, date: string, managers: readonly Manager[]) {
    const managedBy = managers.map(({ tier, unitCode, unitName, body, ruleCode }) => ({ tier, unitCode, unitName, body, ruleCode }));
    const named = (language: 'vi' | 'en') => managers.map((manager) => `${BODY_NAMES[manager.body][language]} – ${manager.unitName}`).join(', ');
    if (managers.length === 0) {
      super(
        `Chưa có quy định phân cấp nào giao quản lý người này vào ngày ${date}: không ai được thao tác trên hồ sơ`,
        `No decentralisation rule names a manager of this person on ${date}: nobody may act on the file`,
        { reason: 'NO_MANAGING_BODY', ...subject, date, managedBy },
      );
    } else {
      super(
        `Người này không thuộc diện bạn quản lý vào ngày ${date}; theo phân cấp quản lý, ${named('vi')} quản lý`,
        `You do not manage this person on ${date}; under decentralisation ${named('en')} does`,
        { reason: 'NOT_MANAGING_BODY', ...subject, date, managedBy },
      );
    }
  }
}

function grouped(authorities: readonly ManagingAuthority[]): Map<string, ManagingAuthority[]> {
  const byPerson = new Map<string, ManagingAuthority[]>();
  for (const authority of authorities) byPerson.set(authority.personId, [...(byPerson.get(authority.personId) ?? []), authority]);
  return byPerson;
}

/** The keys whose managers do not include the caller, each with those managers (none: nobody manages). */
function notActedFor(principal: Principal, keys: readonly string[], managersOf: Map<string, ManagingAuthority[]>): Map<string, ManagingAuthority[]> {
  const unmanaged = new Map<string, ManagingAuthority[]>();
  for (const key of keys) {
    const managers = managersOf.get(key) ?? [];
    if (!managers.some((authority) => actsFor(principal, authority))) unmanaged.set(key, managers);
  }
  return unmanaged;
}

/**
 * The people of `personIds` the caller does not manage on `date`, each with who does (an
 * empty list: nobody does). One statement for the batch; people absent from the answer are managed.
 */
export async function unmanagedPeople(manager: EntityManager, principal: Principal, personIds: readonly string[], date: string): Promise<Map<string, ManagingAuthority[]>> {
  return notActedFor(principal, personIds, grouped(await managingAuthorities(manager, personIds, date)));
}

/** The prospects the caller would not manage on `date` once on file, by key, each with who would. One statement. */
export async function unmanagedProspects(manager: EntityManager, principal: Principal, prospects: readonly Prospect[], date: string): Promise<Map<string, ManagingAuthority[]>> {
  if (prospects.length === 0) return new Map();
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `${prospectiveAuthoritiesSql()} ORDER BY candidate.key, rule.code`,
    {
      candidateKeys: prospects.map((prospect) => prospect.key),
      candidateCategories: prospects.map((prospect) => prospect.category),
      candidateUnits: prospects.map((prospect) => prospect.unitCode),
      authorityDate: date,
    },
    {},
  );
  return notActedFor(principal, prospects.map((prospect) => prospect.key), grouped(await manager.query(sql, parameters)));
}

/**
 * Acting on a person's file (management decentralisation): refuses with {@link NotManagingError}
 * unless the caller acts for the body and unit that manage the person on `date`. Call it after
 * the person was found inside the caller's territory, so that a refusal reveals nothing new.
 */
export async function requireManaging(manager: EntityManager, principal: Principal, personId: string, date: string): Promise<void> {
  const managers = (await unmanagedPeople(manager, principal, [personId], date)).get(personId);
  if (managers) throw new NotManagingError({ personId }, date, managers);
}

/** Putting someone on file: refuses unless the caller would manage a person of that category in that unit on `date`. */
export async function requireWouldManage(manager: EntityManager, principal: Principal, prospect: Omit<Prospect, 'key'>, date: string): Promise<void> {
  const managers = (await unmanagedProspects(manager, principal, [{ key: 'new', ...prospect }], date)).get('new');
  if (managers) throw new NotManagingError({}, date, managers);
}
