import 'reflect-metadata';
import { createLogger, withServiceDatabase } from '@ps/service-kit';
import { organizationService } from '../service';
import { DEFAULT_THREE_TIER_FROM, loadTerritory } from '../territory-load/territory-load.service';
import { seedDauTiengStory } from './dau-tieng-story';
import { seedDemoTerritory } from './demo-territory';

/**
 * `pnpm seed`: migrate, record the demo territory and the Dầu Tiếng story, then load both
 * national trees and the 2025 mapping, so that today's answers are today's (all idempotent;
 * the order of story and load does not change the result).
 */
withServiceDatabase(organizationService, 'seed', async (dataSource, logger) => {
  const units = await seedDemoTerritory(dataSource);
  const organizations = await seedDauTiengStory(dataSource);
  const report = await loadTerritory(dataSource, { threeTierFrom: DEFAULT_THREE_TIER_FROM, only: null }, logger);
  logger.info(
    { units, organizations, territory: report.trees.map(({ tree, rowsWritten, seconds }) => ({ tree, rowsWritten, seconds })) },
    'demo territory, the Dầu Tiếng story and the national territory seeded',
  );
}).catch((error: unknown) => {
  createLogger('organization-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});
