import type { Principal } from '@ps/auth';
import { CreateMessagingTables1732770000000 } from '@ps/events';
import { schemaFromResolvers, type ServiceDefinition } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { Decision } from './decision/decision.entity';
import { CreateAdministrativeUnits1732790000000 } from './migrations/1732790000000-create-administrative-units';
import { CreateOrganisationModel1732800000000 } from './migrations/1732800000000-create-organisation-model';
import { AdministrativeUnit } from './unit/unit.entity';
import { unitLoaders, type UnitLoaders } from './unit/unit.loaders';
import { UnitResolver, unitReferenceResolvers } from './unit/unit.resolver';
import { UnitService } from './unit/unit.service';


export const organizationService: ServiceDefinition<UnitLoaders> = {
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
  // Each feature adds its loaders here; resolvers type their context with their own part.
  loaders: (dataSource: DataSource, principal: Principal) => ({
    ...unitLoaders(new UnitService(dataSource), principal),
  }),
};
