import { unitSubject, type Principal } from '@ps/auth';
import { requireVisible, todayInVietnam } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { mainSuccessors } from '../lineage/lineage.repository';
import { territoryGuard } from '../territory/territory.guard';
import type { AccountUnit } from './account.policy';

/** A unit's version as account administration reads it: in force today, or its last when it has ceased. */
export interface AccountUnitVersion extends AccountUnit {
  path: string;
  validFrom: string;
  validTo: string | null;
  /** The main successor of a ceased unit (a merge's or a dissolution's), or null. */
  successorCode: string | null;
}

/**
 * The unit inside the caller's territory: in force today (`serving`, where accounts are created
 * and moved to) or, for reading and managing existing accounts, also a unit that has ceased,
 * as it last stood. Anything else is the guard's typed error (NOT_FOUND, NOT_IN_FORCE, FORBIDDEN).
 */
export async function accountUnit(
  manager: EntityManager,
  principal: Principal,
  code: string,
  mode: 'serving' | 'any',
): Promise<AccountUnitVersion> {
  const today = todayInVietnam();
  const access = await territoryGuard.unitAccess(manager, principal, code, today);
  const version = mode === 'any' && access.state === 'NOT_IN_FORCE' && access.before ? access.before : requireVisible(access, today, unitSubject(code));
  const [{ tier }]: Array<{ tier: AccountUnit['tier'] }> = await manager.query(
    'SELECT tier FROM administrative_unit WHERE code = $1 AND valid_from = $2',
    [version.code, version.validFrom],
  );
  const ceased = version.validTo !== null && version.validTo <= today;
  const successor = ceased ? (await mainSuccessors(manager, [version.code])).get(version.code)?.successor ?? null : null;
  return { ...version, tier, successorCode: successor };
}

/** True when the unit has ceased by today. */
export function hasCeased(unit: Pick<AccountUnitVersion, 'validTo'>): boolean {
  return unit.validTo !== null && unit.validTo <= todayInVietnam();
}
