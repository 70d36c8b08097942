import 'reflect-metadata';
import { createDataSource, createLogger, ensureDatabase, loadEnv, openDatabase } from '@ps/service-kit';
import { z } from 'zod';
import { organizationService } from '../service';
import { seedDauTiengStory } from './dau-tieng-story';
import { seedDemoTerritory } from './demo-territory';

/** `pnpm seed`: migrate, then add the demo territory (idempotent). */
async function main(): Promise<void> {
  const env = loadEnv(
    z.object({
      DATABASE_URL: z.string().url(),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    }),
  );
  const logger = createLogger('organization-seed', env.LOG_LEVEL);
  await ensureDatabase(env.DATABASE_URL);
  const dataSource = createDataSource({
    url: env.DATABASE_URL,
    entities: organizationService.entities,
    migrations: organizationService.migrations,
    applicationName: 'organization-seed',
  });
  await openDatabase(dataSource, logger, { migrate: true });
  try {
    const added = await seedDemoTerritory(dataSource);
    const organisations = await dataSource.transaction((manager) => seedDauTiengStory(manager));
    logger.info({ added, organisations }, 'demo territory and the Dầu Tiếng story seeded');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  createLogger('organization-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});
