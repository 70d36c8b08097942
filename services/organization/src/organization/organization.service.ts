import type { Principal } from '@ps/auth';
import { groupBy } from '@ps/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { validOn } from '../territory/validity';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { UnitService } from '../unit/unit.service';
import { stampVersion } from './effective-version.entity';
import { isStableId, openVersion, type VersionWrite } from './effective-version.service';
import { Organization } from './organization.entity';
import { OrganizationNotFoundError } from './organization.errors';
import { organizationsInForce, unitInTerritory } from './organization.scope';

/** An organization that a seat or duty write applies to, with its unit (for the event's path). */
export interface Holder {
  organization: Organization;
  unit: AdministrativeUnit;
}

/** Reads organizations as of a date; every query is cut to the caller's territory in SQL. */
export class OrganizationService {
  readonly units: UnitService;

  constructor(private readonly dataSource: DataSource) {
    this.units = new UnitService(dataSource);
  }

  /** Organizations by stable id as of a date (one query per batch). */
  async byIds(principal: Principal, ids: readonly string[], asOf: string): Promise<Map<string, Organization>> {
    const wanted = ids.filter(isStableId);
    if (wanted.length === 0) return new Map();
    const found = await organizationsInForce(this.dataSource.manager, principal, asOf)
      .andWhere('org.id IN (:...ids)', { ids: wanted })
      .getMany();
    return new Map(found.map((organization) => [organization.id, stampVersion(organization, asOf)]));
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
      found.map((organization) => stampVersion(organization, asOf)),
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
      found.map((organization) => stampVersion(organization, asOf)),
      (organization) => organization.unitCode,
    );
  }

  /** The unit an organization belonged to on a date, whoever asks: tells "outside your territory" from "absent". */
  async unitCodeOn(id: string, asOf: string): Promise<string | null> {
    if (!isStableId(id)) return null;
    const version = await this.versionOn(this.dataSource.manager, id, asOf);
    return version?.unitCode ?? null;
  }

  /**
   * The organization a seat or duty write applies to: in force on the change's date and still
   * open (its open version is share-locked, so it cannot close meanwhile), in a unit inside the
   * caller's territory as of that date.
   */
  async holderForWrite(write: VersionWrite, id: string): Promise<Holder> {
    const date = write.change.effectiveDate;
    const open = await openVersion(write.manager, Organization, id, 'pessimistic_read');
    if (!open) throw new OrganizationNotFoundError(id);
    const organization = open.validFrom <= date ? open : await this.versionOn(write.manager, id, date);
    if (!organization) throw new OrganizationNotFoundError(id, date);
    const unit = await unitInTerritory(this.units, write.manager, write.principal, organization.unitCode, date);
    return { organization: stampVersion(organization, date), unit };
  }

  /** The version of an organization in force on a date, unguarded: only for checks, never returned as such. */
  versionOn(manager: EntityManager, id: string, date: string): Promise<Organization | null> {
    return manager
      .getRepository(Organization)
      .createQueryBuilder('org')
      .where('org.id = :id', { id })
      .andWhere(validOn('org'), { asOf: date })
      .getOne();
  }
}
