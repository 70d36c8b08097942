import { PARTY_ORGANIZATION_KINDS } from '@ps/contracts';
import type { GuardedUnit, Principal } from '@ps/auth';
import { dayBefore, isInForce, isStableId } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { OrganizationNotFoundError, OrganizationNotInForceError } from './organization.errors';

/** An organization's version as the projection holds it. */
export interface OrganizationVersion {
  id: string;
  name: string;
  kind: string;
  unitCode: string;
  validFrom: string;
  validTo: string | null;
}

/** Which organizations a lookup accepts: any, or those of the Party kinds (a membership's). */
export type OrganizationScope = 'ANY' | 'PARTY';

/**
 * The organization a write refers to on `date`: known to the projection (and of a Party kind
 * when `scope` is PARTY), in force that day, in a unit inside the caller's territory then;
 * otherwise the typed error for why not.
 */
export async function organizationOn(
  manager: EntityManager,
  principal: Principal,
  id: string,
  date: string,
  scope: OrganizationScope = 'ANY',
): Promise<{ organization: OrganizationVersion; unit: GuardedUnit }> {
  const kinds: readonly string[] | null = scope === 'PARTY' ? PARTY_ORGANIZATION_KINDS : null;
  const versions: OrganizationVersion[] = isStableId(id)
    ? await manager.query(
        `SELECT id, name, kind, unit_code AS "unitCode", valid_from::text AS "validFrom", valid_to::text AS "validTo"
           FROM organization WHERE id = $1 AND ($2::text[] IS NULL OR kind = ANY($2::text[])) ORDER BY valid_from`,
        [id, kinds],
      )
    : [];
  if (versions.length === 0) throw new OrganizationNotFoundError(id, scope === 'PARTY');
  const organization = versions.find((version) => isInForce(version, date));
  if (!organization) {
    const last = versions[versions.length - 1];
    // Told only to a caller who could see it while it was in force, as the kernel's access rule
    // says: otherwise the territory guard's own refusal, and nothing about it.
    const nearestDay = last.validFrom > date ? versions[0].validFrom : dayBefore(last.validTo ?? date);
    const named = last.validFrom > date ? versions[0] : last;
    await territoryGuard.unitWithin(manager, principal, named.unitCode, nearestDay);
    throw new OrganizationNotInForceError(last.name, date, { startsOn: versions[0].validFrom, endedOn: last.validTo });
  }
  return { organization, unit: await territoryGuard.unitWithin(manager, principal, organization.unitCode, date) };
}
