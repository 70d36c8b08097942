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
import { CreateRatings1732792000000 } from './migrations/1732792000000-create-ratings';
import { Rating } from './rating/rating.entity';
import { ratingLoaders, type RatingLoaders } from './rating/rating.loaders';
import { RatingResolver, UnitRatingResolver } from './rating/rating.resolver';
import { RatingService } from './rating/rating.service';
import { AdministrativeUnit } from './territory/administrative-unit.type';

export const evaluationService: ServiceDefinition<RatingLoaders> = {
  name: 'evaluation',
  entities: [Rating],
  migrations: [
    CreateMessagingTables1732770000000,
    CreateTerritoryProjection1732780000000,
    DateTerritoryProjection1732850000000,
    MarkCeasedUnits1732855000000,
    CreateRatings1732792000000,
  ],
  schema: (dataSource: DataSource) =>
    schemaFromResolvers([new RatingResolver(new RatingService(dataSource)), new UnitRatingResolver()], {
      orphanedTypes: [AdministrativeUnit],
      referenceResolvers: referenceByKey('AdministrativeUnit'),
    }),
  loaders: (dataSource: DataSource, principal: Principal) => ratingLoaders(new RatingService(dataSource), principal),
  consumers: ({ dataSource, bus, logger }) => [
    projectTerritory(new InboxConsumer({ name: 'evaluation.territory', bus, dataSource, logger })),
  ],
};
