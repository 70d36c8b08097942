import type { Principal } from '@ps/auth';
import { CreateMessagingTables1732770000000 } from '@ps/events';
import { schemaFromResolvers, type ServiceDefinition } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { Decision } from './decision/decision.entity';
import { decisionLoaders } from './decision/decision.loaders';
import { DutyOverlapService } from './duty/duty-overlap.service';
import { Duty } from './duty/duty.entity';
import { dutyLoaders } from './duty/duty.loaders';
import { DutyResolver } from './duty/duty.resolver';
import { DutyService } from './duty/duty.service';
import { CreateAdministrativeUnits1732790000000 } from './migrations/1732790000000-create-administrative-units';
import { CreateOrganizationModel1732800000000 } from './migrations/1732800000000-create-organization-model';
import { RecordVersionClosings1732820040000 } from './migrations/1732820040000-record-version-closings';
import { OneSpellingOfOrganization1732830000000 } from './migrations/1732830000000-one-spelling-of-organization';
import { OrganizationChangeService } from './organization/organization-change.service';
import { Organization } from './organization/organization.entity';
import { organizationLoaders } from './organization/organization.loaders';
import {
  OrganizationResolver,
  UnitOrganizationsResolver,
  organizationReferenceResolvers,
} from './organization/organization.resolver';
import { OrganizationService } from './organization/organization.service';
import { OrganizationSeat } from './organization/seat.entity';
import { SeatResolver } from './organization/seat.resolver';
import { SeatService } from './organization/seat.service';
import { StaffingQuota } from './quota/quota.entity';
import { quotaLoaders } from './quota/quota.loaders';
import { QuotaResolver, UnitQuotaResolver } from './quota/quota.resolver';
import { QuotaService } from './quota/quota.service';
import { UnitLineage } from './restructure/lineage.entity';
import { lineageLoaders } from './restructure/lineage.loaders';
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

/** Per-request loaders of every feature; each feature adds its own part here. */
function serviceLoaders(dataSource: DataSource, principal: Principal) {
  const organizations = new OrganizationService(dataSource);
  return {
    ...unitLoaders(new UnitService(dataSource), principal),
    ...quotaLoaders(new QuotaService(dataSource), principal),
    ...lineageLoaders(dataSource),
    ...decisionLoaders(dataSource),
    ...organizationLoaders(organizations, new SeatService(dataSource, organizations), principal),
    ...dutyLoaders(new DutyService(dataSource, organizations), principal),
  };
}

/** Organizations with their seats, functions and duties, and name search. */
function organizationResolvers(dataSource: DataSource): object[] {
  const organizations = new OrganizationService(dataSource);
  return [
    new OrganizationResolver(organizations, new OrganizationChangeService(dataSource, organizations)),
    new UnitOrganizationsResolver(),
    new SeatResolver(new SeatService(dataSource, organizations)),
    new DutyResolver(new DutyService(dataSource, organizations), new DutyOverlapService(dataSource, organizations.units)),
    new SearchResolver(new SearchService(dataSource, organizations.units)),
  ];
}

export type OrganizationLoaders = ReturnType<typeof serviceLoaders>;

export const organizationService: ServiceDefinition<OrganizationLoaders> = {
  name: 'organization',
  entities: [AdministrativeUnit, Decision, UnitLineage, StaffingQuota, Organization, OrganizationSeat, Duty],
  migrations: [
    CreateMessagingTables1732770000000,
    CreateAdministrativeUnits1732790000000,
    CreateOrganizationModel1732800000000,
    RecordVersionClosings1732820040000,
    OneSpellingOfOrganization1732830000000,
  ],
  // Each feature adds its resolver instances here.
  schema: (dataSource: DataSource) =>
    schemaFromResolvers(
      [
        ...organizationResolvers(dataSource),
        new UnitResolver(new UnitService(dataSource)),
        new QuotaResolver(new QuotaService(dataSource)),
        new UnitQuotaResolver(),
        new RestructureResolver(new RestructureService(dataSource), new UnitChangeService(dataSource)),
        new UnitLineageResolver(),
        new LineageLinkResolver(),
        new StatisticsResolver(new StatisticsService(dataSource, new UnitService(dataSource)), new UnitService(dataSource)),
      ],
      {
        referenceResolvers: { ...unitReferenceResolvers, ...organizationReferenceResolvers },
      },
    ),
  loaders: serviceLoaders,
};
