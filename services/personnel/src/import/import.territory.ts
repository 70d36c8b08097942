import type { GuardedUnit, Principal } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import { DomainError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import { organizationOn, type OrganizationScope, type OrganizationVersion } from '../organization/organization.lookup';
import { territoryGuard } from '../territory/territory.guard';

/**
 * Each unit a file names, as the territory guard answers a single write on `date`: the unit
 * inside the caller's territory, or the typed error why not (unknown, not in force, outside).
 * One look-up per distinct code: a file names a few units however many rows it has.
 */
export async function unitsWithin(
  manager: EntityManager,
  principal: Principal,
  codes: Iterable<string>,
  date: string,
): Promise<Map<string, GuardedUnit | DomainError>> {
  const units = new Map<string, GuardedUnit | DomainError>();
  for (const code of new Set(codes)) {
    units.set(code, await territoryGuard.unitWithin(manager, principal, code, date).catch(typedOnly));
  }
  return units;
}

/** A typed error as the reason a row is refused; anything else is not the user's doing and is thrown on. */
export function typedOnly(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  throw error;
}

/** Person ids by personal ID, of people in force on the date in a unit inside the caller's territory then. */
export async function peopleWithin(manager: EntityManager, principal: Principal, personalIds: readonly string[], date: string): Promise<Map<string, string>> {
  const found: Array<{ id: string; personalId: string; unitCode: string }> = await manager.query(
    `SELECT id, personal_id AS "personalId", unit_code AS "unitCode" FROM person WHERE personal_id = ANY($1::text[]) AND ${inForceOn('person', '$2')}`,
    [personalIds, date],
  );
  const units = await unitsWithin(manager, principal, found.map((person) => person.unitCode), date);
  return new Map(found.filter((person) => !(units.get(person.unitCode) instanceof DomainError)).map((person) => [person.personalId, person.id]));
}

/** An organization a file names, with its unit, as a single write finds it. */
export type Placed = { organization: OrganizationVersion; unit: GuardedUnit };

/** Each organization a file names, as `organizationOn` answers a single write on `date`, once per distinct id. */
export async function organizationsWithin(
  manager: EntityManager,
  principal: Principal,
  ids: Iterable<string>,
  date: string,
  scope: OrganizationScope,
): Promise<Map<string, Placed | DomainError>> {
  const organizations = new Map<string, Placed | DomainError>();
  for (const id of new Set(ids)) organizations.set(id, await organizationOn(manager, principal, id, date, scope).catch(typedOnly));
  return organizations;
}

/** The entries found, without the refusals. */
export function foundOnly<T>(entries: ReadonlyMap<string, T | DomainError>): Map<string, T> {
  return new Map([...entries].flatMap(([key, value]) => (value instanceof DomainError ? [] : [[key, value] as const])));
}
