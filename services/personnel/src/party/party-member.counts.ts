import type { Principal } from '@ps/auth';
import { PARTY_ORGANIZATION_KINDS } from '@ps/contracts';
import { inForceOn, isStableId } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { PartyMembership } from './party-membership.entity';

/** Party members on a date, counted in SQL: one statement per batch of units or organizations. */
export class PartyMemberCounts {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Members on `asOf` of the Party organizations of each unit and every unit below it, for units
   * in force that day inside the caller's territory then; other units are left out.
   */
  async ofUnits(principal: Principal, unitCodes: readonly string[], asOf: string): Promise<Map<string, number>> {
    const rows = await territoryGuard
      .unitsOn(this.dataSource.manager, principal, unitCodes, asOf)
      .select('unit.code', 'code')
      .addSelect('count(membership.version_id)::int', 'members')
      .leftJoin('territory_unit', 'below', `below.path <@ unit.path AND ${inForceOn('below', ':asOf')}`, { asOf })
      .leftJoin('organization', 'organization', `organization.unit_code = below.code AND organization.kind IN (:...partyKinds) AND ${inForceOn('organization', ':asOf')}`, { partyKinds: PARTY_ORGANIZATION_KINDS })
      .leftJoin(PartyMembership, 'membership', `membership.party_organization_id = organization.id AND ${inForceOn('membership', ':asOf')}`)
      .groupBy('unit.code')
      .getRawMany<{ code: string; members: number }>();
    return new Map(rows.map((row) => [row.code, row.members]));
  }

  /**
   * Members on `asOf` of each Party organization in force that day in a unit inside the caller's
   * territory then; other organizations (not of a Party kind, not in force, outside) are left out.
   */
  async ofOrganizations(principal: Principal, ids: readonly string[], asOf: string): Promise<Map<string, number>> {
    const organizationIds = ids.filter(isStableId);
    if (organizationIds.length === 0) return new Map();
    const query = this.dataSource.manager
      .createQueryBuilder()
      .from('organization', 'organization')
      .select('organization.id', 'id')
      .addSelect('count(membership.version_id)::int', 'members')
      .leftJoin(PartyMembership, 'membership', `membership.party_organization_id = organization.id AND ${inForceOn('membership', ':asOf')}`)
      .where('organization.id IN (:...organizationIds)', { organizationIds })
      .andWhere('organization.kind IN (:...partyKinds)', { partyKinds: PARTY_ORGANIZATION_KINDS })
      .andWhere(inForceOn('organization', ':asOf'), { asOf });
    const rows = await territoryGuard
      .joinUnitOn(query, principal, 'organization.unit_code', asOf)
      .groupBy('organization.id')
      .getRawMany<{ id: string; members: number }>();
    return new Map(rows.map((row) => [row.id, row.members]));
  }
}
