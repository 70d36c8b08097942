import type { Principal } from '@ps/auth';
import { CreateMessagingTables1732770000000 } from '@ps/events';
import { schemaFromResolvers, type ServiceDefinition } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { Decision } from './decision/decision.entity';
import { decisionLoaders } from './decision/decision.loaders';
import { CreateAdministrativeUnits1732790000000 } from './migrations/1732790000000-create-administrative-units';
import { CreateOrganisationModel1732800000000 } from './migrations/1732800000000-create-organisation-model';
import { UnitLineage } from './restructure/lineage.entity';
import { lineageLoaders } from './restructure/lineage.loaders';
import { LineageLinkResolver, RestructureResolver, UnitLineageResolver } from './restructure/restructure.resolver';
import { RestructureService } from './restructure/restructure.service';
import { UnitChangeService } from './restructure/unit-change.service';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { StatisticsService } from './statistics/statistics.service';
import { AdministrativeUnit } from './unit/unit.entity';
import { unitLoaders } from './unit/unit.loaders';
import { UnitResolver, unitReferenceResolvers } from './unit/unit.resolver';
import { UnitService } from './unit/unit.service';

/** Per-request loaders of every feature; each feature adds its own part here. */
function organizationLoaders(dataSource: DataSource, principal: Principal) {
  return {
    ...unitLoaders(new UnitService(dataSource), principal),
    ...lineageLoaders(dataSource),
    ...decisionLoaders(dataSource),
  };
}

export type OrganizationLoaders = ReturnType<typeof organizationLoaders>;

export const organizationService: ServiceDefinition<OrganizationLoaders> = {
  name: 'organization',
  entities: [AdministrativeUnit, Decision, UnitLineage],
  migrations: [
    CreateMessagingTables1732770000000,
    CreateAdministrativeUnits1732790000000,
    CreateOrganisationModel1732800000000,
  ],
  // Each feature adds its resolver instances here.
  schema: (dataSource: DataSource) =>
    schemaFromResolvers(
      [
        new UnitResolver(new UnitService(dataSource)),
        new RestructureResolver(new RestructureService(dataSource), new UnitChangeService(dataSource)),
        new UnitLineageResolver(),
        new LineageLinkResolver(),
        new StatisticsResolver(new StatisticsService(dataSource, new UnitService(dataSource)), new UnitService(dataSource)),
      ],
      {
        referenceResolvers: unitReferenceResolvers,
      },
    ),
  loaders: organizationLoaders,
};
