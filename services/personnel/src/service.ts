import {
  CreateTerritoryProjection1732780000000,
  DateTerritoryProjection1732850000000,
  MarkCeasedUnits1732855000000,
  projectTerritory,
  type Principal,
} from '@ps/auth';
import { CreateMessagingTables1732770000000, InboxConsumer } from '@ps/events';
import { referenceByKey, schemaFromResolvers, type ServiceDefinition } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { CreatePeople1732791000000 } from './migrations/1732791000000-create-people';
import { Person } from './person/person.entity';
import { personLoaders, type PersonLoaders } from './person/person.loaders';
import { PersonResolver, UnitStaffResolver } from './person/person.resolver';
import { PersonService } from './person/person.service';
import { AdministrativeUnit } from './territory/administrative-unit.type';

export const personnelService: ServiceDefinition<PersonLoaders> = {
  name: 'personnel',
  entities: [Person],
  migrations: [
    CreateMessagingTables1732770000000,
    CreateTerritoryProjection1732780000000,
    DateTerritoryProjection1732850000000,
    MarkCeasedUnits1732855000000,
    CreatePeople1732791000000,
  ],
  schema: (dataSource: DataSource) =>
    schemaFromResolvers([new PersonResolver(new PersonService(dataSource)), new UnitStaffResolver()], {
      orphanedTypes: [AdministrativeUnit],
      referenceResolvers: referenceByKey('AdministrativeUnit'),
    }),
  loaders: (dataSource: DataSource, principal: Principal) => personLoaders(new PersonService(dataSource), principal),
  consumers: ({ dataSource, bus, logger }) => [
    projectTerritory(new InboxConsumer({ name: 'personnel.territory', bus, dataSource, logger })),
  ],
};
