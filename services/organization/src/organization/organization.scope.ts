import { OutsideTerritoryError, type Principal } from '@ps/auth';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { territoryGuard, validOn } from '../territory/validity';
import { AdministrativeUnit } from '../unit/unit.entity';
import type { UnitService } from '../unit/unit.service';
import { Organization } from './organization.entity';
import { UnitNotInForceError } from './organization.errors';

/**
 * Joins the unit named by `unitCodeExpression` as it stood on :asOf (alias `unit`) and cuts the
 * query to the caller's territory as of that date, in SQL.
 */
export function withinTerritory<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  principal: Principal,
  unitCodeExpression: string,
  asOf: string,
): SelectQueryBuilder<T> {
  query
    .innerJoin(AdministrativeUnit, 'unit', `unit.code = ${unitCodeExpression} AND ${validOn('unit')}`)
    .setParameter('asOf', asOf);
  return territoryGuard.apply(query, principal, 'unit.path', asOf);
}

/** Organization versions in force on `asOf` (alias `org`) whose unit lies inside the caller's territory. */
export function organizationsInForce(manager: EntityManager, principal: Principal, asOf: string): SelectQueryBuilder<Organization> {
  const query = manager.getRepository(Organization).createQueryBuilder('org').where(validOn('org'), { asOf });
  return withinTerritory(query, principal, 'org.unit_code', asOf);
}

/**
 * Versions of `target` (seats, duties; alias `alias`) in force on `asOf` whose organization
 * (alias `holder`, in force that day) lies inside the caller's territory.
 */
export function heldInForce<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  alias: string,
  principal: Principal,
  asOf: string,
): SelectQueryBuilder<T> {
  const query = manager
    .getRepository(target)
    .createQueryBuilder(alias)
    .innerJoin(Organization, 'holder', `holder.id = ${alias}.organization_id AND ${validOn('holder')}`)
    .where(validOn(alias), { asOf });
  return withinTerritory(query, principal, 'holder.unit_code', asOf);
}

/**
 * A unit a write or a report applies to: in force on the date and inside the caller's territory
 * as it stood that day. FORBIDDEN outside the territory, UNIT_NOT_IN_FORCE when it did not exist then.
 */
export async function unitInTerritory(
  units: UnitService,
  manager: EntityManager,
  principal: Principal,
  code: string,
  date: string,
): Promise<AdministrativeUnit> {
  const unit = await units.inForce(principal, date, manager).andWhere('unit.code = :code', { code }).getOne();
  if (unit) return unit;
  if (await units.existsOn(code, date)) throw new OutsideTerritoryError(code);
  throw new UnitNotInForceError(code, date);
}
