import type { GuardedUnit, Principal } from '@ps/auth';
import { dayBefore, isInForce, isStableId } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { PartyOrganizationNotFoundError, PartyOrganizationNotInForceError } from './party-membership.errors';

/** A Party organization's version as the projection holds it. */
export interface PartyOrganizationVersion {
  id: string;
  name: string;
  unitCode: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * The Party organization a membership joins on `date`: known to the projection, in force that
 * day, in a unit inside the caller's territory then; otherwise the typed error for why not.
 */
export async function partyOrganizationOn(
  manager: EntityManager,
  principal: Principal,
  id: string,
  date: string,
): Promise<{ organization: PartyOrganizationVersion; unit: GuardedUnit }> {
  const versions: PartyOrganizationVersion[] = isStableId(id)
    ? await manager.query(
        `SELECT id, name, unit_code AS "unitCode", valid_from::text AS "validFrom", valid_to::text AS "validTo"
           FROM party_organization WHERE id = $1 ORDER BY valid_from`,
        [id],
      )
    : [];
  if (versions.length === 0) throw new PartyOrganizationNotFoundError(id);
  const organization = versions.find((version) => isInForce(version, date));
  if (!organization) {
    const last = versions[versions.length - 1];
    // Told only to a caller who could see it while it was in force, as the kernel's access rule
    // says: otherwise the territory guard's own refusal, and nothing about it.
    const nearestDay = last.validFrom > date ? versions[0].validFrom : dayBefore(last.validTo ?? date);
    const named = last.validFrom > date ? versions[0] : last;
    await territoryGuard.unitWithin(manager, principal, named.unitCode, nearestDay);
    throw new PartyOrganizationNotInForceError(last.name, date, { startsOn: versions[0].validFrom, endedOn: last.validTo });
  }
  return { organization, unit: await territoryGuard.unitWithin(manager, principal, organization.unitCode, date) };
}
