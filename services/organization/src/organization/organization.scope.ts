import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { Organization } from './organization.entity';

/** Organization versions in force on `asOf` (alias `org`) whose unit lies inside the caller's territory. */
export function organizationsInForce(manager: EntityManager, principal: Principal, asOf: string): SelectQueryBuilder<Organization> {
  const query = manager.getRepository(Organization).createQueryBuilder('org').where(inForceOn('org', ':asOf'), { asOf });
  return territoryGuard.joinUnitOn(query, principal, 'org.unit_code', asOf);
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
    .innerJoin(Organization, 'holder', `holder.id = ${alias}.organization_id AND ${inForceOn('holder', ':asOf')}`)
    .where(inForceOn(alias, ':asOf'), { asOf });
  return territoryGuard.joinUnitOn(query, principal, 'holder.unit_code', asOf);
}
