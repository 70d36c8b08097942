import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvariantViolation } from '@ps/errors';
import { createLogger, withServiceDatabase } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { personnelService } from '../service';
import { followAllSuccessions } from '../succession/succession.follow';
import { dauTiengGrassroots, seedDauTiengPartyMembers } from './party-members.seed';

/** The grassroots Party organizations the story has by its last date (organization's seed). */
const STORY_GRASSROOTS = 51;
const WAIT_SECONDS = 180;

/**
 * `pnpm seed` (after the services started): waits until this service has projected the Dầu
 * Tiếng story's Party organizations from organization's events, then records the story's Party
 * members once (a second run adds nothing).
 */
withServiceDatabase(personnelService, 'seed', async (dataSource, logger) => {
  await storyProjected(dataSource);
  const started = Date.now();
  const members = await seedDauTiengPartyMembers(dataSource);
  logger.info({ members, seconds: (Date.now() - started) / 1000 }, members > 0 ? 'Dầu Tiếng Party members seeded' : 'Dầu Tiếng Party members already there');
  // Members recorded after organization announced the 2025 mergers follow them now, as those held then did.
  const followed = await followAllSuccessions(dataSource);
  logger.info({ followed }, 'memberships carried to the successors of merged organizations');
}).catch((error: unknown) => {
  createLogger('personnel-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});

async function storyProjected(dataSource: DataSource): Promise<void> {
  for (let waited = 0; waited < WAIT_SECONDS * 4; waited += 1) {
    const organizations = new Set((await dauTiengGrassroots(dataSource)).map((organization) => organization.id));
    if (organizations.size >= STORY_GRASSROOTS) return;
    await sleep(250);
  }
  throw new InvariantViolation(`the Dầu Tiếng story's ${STORY_GRASSROOTS} grassroots Party organizations did not reach personnel in ${WAIT_SECONDS} s`);
}
