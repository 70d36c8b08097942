import type { Principal } from '@ps/auth';
import { CreateMessagingTables1732770000000 } from '@ps/events';
import { schemaFromResolvers, type ServiceDefinition } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { Decision } from './decision/decision.entity';
import { CreateAdministrativeUnits1732790000000 } from './migrations/1732790000000-create-administrative-units';
import { CreateOrganisationModel1732800000000 } from './migrations/1732800000000-create-organisation-model';
import { AdministrativeUnit } from './unit/unit.entity';
import { unitLoaders } from './unit/unit.loaders';
import { UnitResolver, unitReferenceResolvers } from './unit/unit.resolver';
import { UnitService } from './unit/unit.service';

/** Per-request loaders of every feature; each feature adds its own part here. */
function organizationLoaders(dataSource: DataSource, principal: Principal) {
  return {
    ...unitLoaders(new UnitService(dataSource), principal),
  };
}

export type OrganizationLoaders = ReturnType<typeof organizationLoaders>;

export const organizationService: ServiceDefinition<OrganizationLoaders> = {
  name: 'organization',
  entities: [AdministrativeUnit, Decision],
  migrations: [
    CreateMessagingTables1732770000000,
    CreateAdministrativeUnits1732790000000,
    CreateOrganisationModel1732800000000,
  ],
  // Each feature adds its resolver instances here.
  schema: (dataSource: DataSource) =>
    schemaFromResolvers([new UnitResolver(new UnitService(dataSource))], {
      referenceResolvers: unitReferenceResolvers,
    }),
  loaders: organizationLoaders,
};
