import type { GuardedUnit, Principal } from '@ps/auth';
import { DomainError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
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
