import type { Principal } from '@ps/auth';
import { isStableId, stampAsOf } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import type { Organization } from './organization.entity';
import { organizationsInForce } from './organization.scope';

/** Reads organizations as of a date; every query is cut to the caller's territory in SQL. */
export class OrganizationService {
  constructor(private readonly dataSource: DataSource) {}

  /** Organizations by stable id as of a date (one query per batch). */
  async byIds(principal: Principal, ids: readonly string[], asOf: string): Promise<Map<string, Organization>> {
    const wanted = ids.filter(isStableId);
    if (wanted.length === 0) return new Map();
    const found = await organizationsInForce(this.dataSource.manager, principal, asOf)
      .andWhere('org.id IN (:...ids)', { ids: wanted })
      .getMany();
    return new Map(found.map((organization) => [organization.id, stampAsOf(organization, asOf)]));
  }

  /** Child organizations of each parent id as of a date (one query per batch). */
  async childrenOf(principal: Principal, parentIds: readonly string[], asOf: string): Promise<Map<string, Organization[]>> {
    const wanted = parentIds.filter(isStableId);
    if (wanted.length === 0) return new Map();
    const found = await organizationsInForce(this.dataSource.manager, principal, asOf)
      .andWhere('org.parent_id IN (:...parentIds)', { parentIds: wanted })
      .orderBy('org.name')
      .getMany();
    return groupBy(
      found.map((organization) => stampAsOf(organization, asOf)),
      (organization) => organization.parentId ?? '',
    );
  }

  /** Organizations of each unit as of a date (one query per batch). */
  async ofUnits(principal: Principal, unitCodes: readonly string[], asOf: string): Promise<Map<string, Organization[]>> {
    const found = await organizationsInForce(this.dataSource.manager, principal, asOf)
      .andWhere('org.unit_code IN (:...unitCodes)', { unitCodes })
      .orderBy('org.name')
      .getMany();
    return groupBy(
      found.map((organization) => stampAsOf(organization, asOf)),
      (organization) => organization.unitCode,
    );
  }
}
