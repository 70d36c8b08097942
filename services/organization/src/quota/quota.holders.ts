import { OutsideTerritoryError, type Principal } from '@ps/auth';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { territoryGuard, validOn } from '../territory/validity';
import type { Tier } from '../unit/unit.entity';
import { QuotaHolderKind, holderKey, type QuotaHolder } from './quota.entity';
import { InvalidQuotaError } from './quota.errors';

/** A holder in force on a date, with the unit it belongs to (itself, for a unit). */
export interface PlacedHolder extends QuotaHolder {
  key: string;
  unitCode: string;
  unitPath: string;
  unitTier: Tier;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Organization ids are uuids; anything else names no organization. */
export function isOrganizationId(id: string): boolean {
  return UUID.test(id);
}

/** The holder's version in force on `asOf` joined to its unit's version of that day (no territory cut). */
function holderOn(manager: EntityManager, holder: QuotaHolder, asOf: string): SelectQueryBuilder<ObjectLiteral> {
  const query = manager
    .createQueryBuilder()
    .select('unit.code', 'unitCode')
    .addSelect('unit.path::text', 'unitPath')
    .addSelect('unit.tier', 'unitTier');
  if (holder.kind === QuotaHolderKind.UNIT) {
    return query.from('administrative_unit', 'unit').where('unit.code = :id', { id: holder.id }).andWhere(validOn('unit'), { asOf });
  }
  return query
    .from('organization', 'org')
    .innerJoin('administrative_unit', 'unit', `unit.code = org.unit_code AND ${validOn('unit')}`, { asOf })
    .where('org.id = CAST(:id AS uuid)', { id: holder.id })
    .andWhere(validOn('org'), { asOf });
}

/** The holder on `asOf` when it is in force that day and inside the caller's territory. */
export async function findHolder(
  manager: EntityManager,
  principal: Principal,
  holder: QuotaHolder,
  asOf: string,
): Promise<PlacedHolder | null> {
  if (holder.kind === QuotaHolderKind.ORGANIZATION && !isOrganizationId(holder.id)) return null;
  const query = territoryGuard.apply(holderOn(manager, holder, asOf), principal, 'unit.path', asOf);
  const row = await query.getRawOne<Omit<PlacedHolder, keyof QuotaHolder | 'key'>>();
  return row ? { ...holder, key: holderKey(holder), ...row } : null;
}

/** The unit of a holder in force on `asOf`, read without the territory cut: only to tell FORBIDDEN from absent. */
export async function holderUnitOn(manager: EntityManager, holder: QuotaHolder, asOf: string): Promise<string | null> {
  if (holder.kind === QuotaHolderKind.ORGANIZATION && !isOrganizationId(holder.id)) return null;
  const row = await holderOn(manager, holder, asOf).getRawOne<{ unitCode: string }>();
  return row?.unitCode ?? null;
}

/** The holder a change acts on: in force on the date and inside the caller's territory, or a typed error. */
export async function requireHolder(
  manager: EntityManager,
  principal: Principal,
  holder: QuotaHolder,
  date: string,
): Promise<PlacedHolder> {
  const found = await findHolder(manager, principal, holder, date);
  if (found) return found;
  const unitCode = await holderUnitOn(manager, holder, date);
  if (unitCode) throw new OutsideTerritoryError(unitCode);
  const what = holder.kind === QuotaHolderKind.UNIT ? { vi: 'Đơn vị', en: 'Unit' } : { vi: 'Tổ chức', en: 'Organization' };
  throw new InvalidQuotaError(
    `${what.vi} ${holder.id} không có hiệu lực vào ngày ${date}`,
    `${what.en} ${holder.id} is not in force on ${date}`,
    { holderKind: holder.kind, holderId: holder.id, date },
  );
}
