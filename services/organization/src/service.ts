import type { Principal } from '@ps/auth';
import { AuditTrailReads1733100000000, CreateDecisionsAndAuditTrail1732845000000, Decision, decisionLoaders } from '@ps/effective-dating';
import { InboxConsumer, MESSAGING_MIGRATIONS } from '@ps/events';
import { schemaFromResolvers, type ServiceDefinition } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { realmAdmin } from './account/account.config';
import { AccountImport } from './account/account.import';
import { AccountResolver } from './account/account.resolver';
import { AccountService } from './account/account.service';
import { ClientAppResolver } from './account/app.resolver';
import { ClientAppService } from './account/app.service';
import { AuditTrailResolver, OrganizationAuditResolver } from './audit/audit.resolver';
import { DutyOverlapService } from './duty/duty-overlap.service';
import { Duty } from './duty/duty.entity';
import { dutyLoaders } from './duty/duty.loaders';
import { DutyResolver } from './duty/duty.resolver';
import { DutyService } from './duty/duty.service';
import { UnitLineage } from './lineage/lineage.entity';
import { lineageLoaders } from './lineage/lineage.loaders';
import { CreateAdministrativeUnits1732790000000 } from './migrations/1732790000000-create-administrative-units';
import { CreateOrganizationModel1732800000000 } from './migrations/1732800000000-create-organization-model';
import { RecordVersionClosings1732820040000 } from './migrations/1732820040000-record-version-closings';
import { OneSpellingOfOrganization1732830000000 } from './migrations/1732830000000-one-spelling-of-organization';
import { IndexDutyTextTrigrams1732840000000 } from './migrations/1732840000000-index-duty-text-trigrams';
import { OrganizationModel20251732860000000 } from './migrations/1732860000000-organization-model-2025';
import { UnitOverlapByCodeHash1733110000000 } from './migrations/1733110000000-unit-overlap-by-code-hash';
import { OrganizationChangeService } from './organization/organization-change.service';
import { Organization } from './organization/organization.entity';
import { organizationLoaders } from './organization/organization.loaders';
import { OrganizationResolver, UnitOrganizationsResolver, organizationReferenceResolvers } from './organization/organization.resolver';
import { OrganizationService } from './organization/organization.service';
import { OrganizationSeat } from './organization/seat.entity';
import { SeatResolver } from './organization/seat.resolver';
import { SeatService } from './organization/seat.service';
import { StaffingQuota } from './quota/quota.entity';
import { quotaLoaders } from './quota/quota.loaders';
import { QuotaResolver, UnitQuotaResolver } from './quota/quota.resolver';
import { receiveApprovedProposals } from './quota/quota.proposals';
import { QuotaService } from './quota/quota.service';
import { BoundaryService } from './restructure/boundary.service';
import { LineageLinkResolver, RestructureResolver, UnitLineageResolver } from './restructure/restructure.resolver';
import { RestructureService } from './restructure/restructure.service';
import { UnitChangeService } from './restructure/unit-change.service';
import { SearchResolver } from './search/search.resolver';
import { SearchService } from './search/search.service';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { StatisticsService } from './statistics/statistics.service';
import { AdministrativeUnit } from './unit/unit.entity';
import { unitLoaders } from './unit/unit.loaders';
import { UnitResolver, unitReferenceResolvers } from './unit/unit.resolver';
import { UnitService } from './unit/unit.service';
import { territoryGuard } from './territory/territory.guard';

/** Per-request loaders of every feature; each feature adds its own part here. */
function serviceLoaders(dataSource: DataSource, principal: Principal) {
  return {
    ...unitLoaders(new UnitService(dataSource), principal),
    ...quotaLoaders(new QuotaService(dataSource), principal),
    ...lineageLoaders(dataSource),
    ...decisionLoaders(dataSource),
    ...organizationLoaders(new OrganizationService(dataSource), new SeatService(dataSource), principal),
    ...dutyLoaders(new DutyService(dataSource), principal),
  };
}

/** Organizations with their seats, functions and duties, and name search. */
function organizationResolvers(dataSource: DataSource): object[] {
  return [
    new OrganizationResolver(dataSource, new OrganizationChangeService(dataSource)),
    new UnitOrganizationsResolver(),
    new SeatResolver(new SeatService(dataSource)),
    new DutyResolver(new DutyService(dataSource), new DutyOverlapService(dataSource)),
    new SearchResolver(new SearchService(dataSource, new UnitService(dataSource))),
  ];
}

/** The territory: units, quotas, restructuring with lineage, statistics and the audit trail. */
function territoryResolvers(dataSource: DataSource): object[] {
  return [
    new UnitResolver(dataSource, new UnitService(dataSource)),
    new QuotaResolver(new QuotaService(dataSource)),
    new UnitQuotaResolver(),
    new RestructureResolver(new RestructureService(dataSource), new UnitChangeService(dataSource), new BoundaryService(dataSource)),
    new UnitLineageResolver(),
    new LineageLinkResolver(),
    new StatisticsResolver(dataSource, new StatisticsService(dataSource)),
    new AuditTrailResolver(dataSource),
    new OrganizationAuditResolver(dataSource),
    new AccountResolver(new AccountService(dataSource, realmAdmin), new AccountImport(dataSource, realmAdmin)),
    new ClientAppResolver(new ClientAppService(dataSource, realmAdmin)),
  ];
}

export type OrganizationLoaders = ReturnType<typeof serviceLoaders>;

export const organizationService: ServiceDefinition<OrganizationLoaders> = {
  name: 'organization',
  entities: [AdministrativeUnit, Decision, UnitLineage, StaffingQuota, Organization, OrganizationSeat, Duty],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateAdministrativeUnits1732790000000,
    CreateOrganizationModel1732800000000,
    RecordVersionClosings1732820040000,
    OneSpellingOfOrganization1732830000000,
    IndexDutyTextTrigrams1732840000000,
    CreateDecisionsAndAuditTrail1732845000000,
    OrganizationModel20251732860000000,
    AuditTrailReads1733100000000,
    UnitOverlapByCodeHash1733110000000,
  ],
  schema: (dataSource: DataSource) =>
    schemaFromResolvers([...organizationResolvers(dataSource), ...territoryResolvers(dataSource)], {
      referenceResolvers: { ...unitReferenceResolvers, ...organizationReferenceResolvers },
    }),
  territory: territoryGuard,
  loaders: serviceLoaders,
  consumers: ({ dataSource, bus, logger }) => [
    receiveApprovedProposals(new InboxConsumer({ name: 'organization.staffing-proposals', bus, dataSource, logger }), dataSource),
  ],
};
