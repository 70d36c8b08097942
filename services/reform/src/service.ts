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
import { CreateReformPlans1732793000000 } from './migrations/1732793000000-create-reform-plans';
import { ReformPlan } from './plan/plan.entity';
import { planLoaders, type PlanLoaders } from './plan/plan.loaders';
import { PlanResolver, UnitPlansResolver } from './plan/plan.resolver';
import { PlanService } from './plan/plan.service';
import { AdministrativeUnit } from './territory/administrative-unit.type';

export const reformService: ServiceDefinition<PlanLoaders> = {
  name: 'reform',
  entities: [ReformPlan],
  migrations: [
    CreateMessagingTables1732770000000,
    CreateTerritoryProjection1732780000000,
    DateTerritoryProjection1732850000000,
    MarkCeasedUnits1732855000000,
    CreateReformPlans1732793000000,
  ],
  schema: (dataSource: DataSource) =>
    schemaFromResolvers([new PlanResolver(new PlanService(dataSource)), new UnitPlansResolver()], {
      orphanedTypes: [AdministrativeUnit],
      referenceResolvers: referenceByKey('AdministrativeUnit'),
    }),
  loaders: (dataSource: DataSource, principal: Principal) => planLoaders(new PlanService(dataSource), principal),
  consumers: ({ dataSource, bus, logger }) => [
    projectTerritory(new InboxConsumer({ name: 'reform.territory', bus, dataSource, logger })),
  ],
};
