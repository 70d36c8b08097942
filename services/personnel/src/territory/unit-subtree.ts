import type { Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { territoryGuard } from './territory.guard';

/**
 * Cuts a list of rows, each held by the unit its `unitCodeExpression` names, to a unit asked and
 * the units below it, as the tree stood on the date, and to the caller's territory then: joins
 * that unit version as `alias`. A unit asked outside the territory lists nothing.
 */
export function withinUnitSubtree<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  principal: Principal,
  unitCodeExpression: string,
  unitCode: string,
  date: string,
  alias = 'unit',
): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.path <@ (SELECT asked.path FROM territory_unit asked WHERE asked.code = :askedUnitCode AND ${inForceOn('asked', ':askedOn')})`, {
    askedUnitCode: unitCode,
    askedOn: date,
  });
  return territoryGuard.joinUnitOn(query, principal, unitCodeExpression, date, alias);
}
