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
import { CreateOrganisationModel1732800000000 } from './migrations/1732800000000-create-organisation-model';
import { RecordVersionClosings1732820040000 } from './migrations/1732820040000-record-version-closings';
import { OrganizationChangeService } from './organisation/organisation-change.service';
import { Organization } from './organisation/organisation.entity';
import { organisationLoaders } from './organisation/organisation.loaders';
import {
  OrganizationResolver,
  UnitOrganizationsResolver,
  organizationReferenceResolvers,
} from './organisation/organisation.resolver';
import { OrganizationService } from './organisation/organisation.service';
import { OrganizationSeat } from './organisation/seat.entity';
import { SeatResolver } from './organisation/seat.resolver';
import { SeatService } from './organisation/seat.service';
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
function organizationLoaders(dataSource: DataSource, principal: Principal) {
  const organizations = new OrganizationService(dataSource);
  return {
    ...unitLoaders(new UnitService(dataSource), principal),
    ...quotaLoaders(new QuotaService(dataSource), principal),
    ...lineageLoaders(dataSource),
    ...decisionLoaders(dataSource),
    ...organisationLoaders(organizations, new SeatService(dataSource, organizations), principal),
    ...dutyLoaders(new DutyService(dataSource, organizations), principal),
  };
}

/** Organisations with their seats, functions and duties, and name search. */
function organisationResolvers(dataSource: DataSource): object[] {
  const organizations = new OrganizationService(dataSource);
  return [
    new OrganizationResolver(organizations, new OrganizationChangeService(dataSource, organizations)),
    new UnitOrganizationsResolver(),
    new SeatResolver(new SeatService(dataSource, organizations)),
    new DutyResolver(new DutyService(dataSource, organizations), new DutyOverlapService(dataSource, organizations.units)),
    new SearchResolver(new SearchService(dataSource, organizations.units)),
  ];
}

export type OrganizationLoaders = ReturnType<typeof organizationLoaders>;

export const organizationService: ServiceDefinition<OrganizationLoaders> = {
  name: 'organization',
  entities: [AdministrativeUnit, Decision, UnitLineage, StaffingQuota, Organization, OrganizationSeat, Duty],
  migrations: [
    CreateMessagingTables1732770000000,
    CreateAdministrativeUnits1732790000000,
    CreateOrganisationModel1732800000000,
    RecordVersionClosings1732820040000,
  ],
  // Each feature adds its resolver instances here.
  schema: (dataSource: DataSource) =>
    schemaFromResolvers(
      [
        ...organisationResolvers(dataSource),
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
  loaders: organizationLoaders,
};
