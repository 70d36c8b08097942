import 'reflect-metadata';
import { createLogger, withServiceDatabase } from '@ps/service-kit';
import { organizationService } from '../service';
import { seedDauTiengStory } from './dau-tieng-story';
import { seedDemoTerritory } from './demo-territory';

/** `pnpm seed`: migrate, then add the demo territory and the Dầu Tiếng story (idempotent). */
withServiceDatabase(organizationService, 'seed', async (dataSource, logger) => {
  const added = await seedDemoTerritory(dataSource);
  const organizations = await dataSource.transaction((manager) => seedDauTiengStory(manager));
  logger.info({ added, organizations }, 'demo territory and the Dầu Tiếng story seeded');
}).catch((error: unknown) => {
  createLogger('organization-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});
