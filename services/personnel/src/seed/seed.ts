import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvariantViolation } from '@ps/errors';
import { createLogger, withServiceDatabase } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { personnelService } from '../service';
import { followAllSuccessions } from '../succession/succession.follow';
import { dauTiengPostPlaces, seedDauTiengAssignments } from './assignments.seed';
import { seedDauTiengPlanning } from './cadre-planning.seed';
import { seedDemoFamilies } from './family.seed';
import { dauTiengGrassroots, seedDauTiengPartyMembers } from './party-members.seed';

/** The grassroots Party organizations the story has by its last date (organization's seed). */
const STORY_GRASSROOTS = 51;
/** The district and its twelve communes, each with a Party committee and a People's Committee. */
const STORY_POST_PLACES = 13;
const WAIT_SECONDS = 180;

/**
 * `pnpm seed` (after the services started): waits until this service has projected the Dầu
 * Tiếng story's Party organizations and committees from organization's events, then records the
 * story's Party members, its posts, its 2015–2020 planning list, two rotations and three demo
 * cadres' families once (a second run adds nothing).
 */
withServiceDatabase(personnelService, 'seed', async (dataSource, logger) => {
  await storyProjected(dataSource);
  const started = Date.now();
  const members = await seedDauTiengPartyMembers(dataSource);
  logger.info({ members, seconds: (Date.now() - started) / 1000 }, members > 0 ? 'Dầu Tiếng Party members seeded' : 'Dầu Tiếng Party members already there');
  const assignments = await seedDauTiengAssignments(dataSource);
  logger.info({ assignments }, assignments > 0 ? 'Dầu Tiếng posts seeded' : 'Dầu Tiếng posts already there');
  logger.info(await seedDauTiengPlanning(dataSource), 'Dầu Tiếng 2015–2020 planning list and rotations');
  logger.info({ familyMembers: await seedDemoFamilies(dataSource) }, 'demo cadres’ families (form 2C)');
  // Members and posts recorded after organization announced the 2025 mergers follow them now, as those held then did.
  const followed = await followAllSuccessions(dataSource);
  logger.info({ followed }, 'memberships and posts carried to the successors of merged organizations');
}).catch((error: unknown) => {
  createLogger('personnel-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});

async function storyProjected(dataSource: DataSource): Promise<void> {
  for (let waited = 0; waited < WAIT_SECONDS * 4; waited += 1) {
    const organizations = new Set((await dauTiengGrassroots(dataSource)).map((organization) => organization.id));
    const places = (await dauTiengPostPlaces(dataSource)).filter((place) => Object.keys(place.organizations).length === 2);
    if (organizations.size >= STORY_GRASSROOTS && places.length >= STORY_POST_PLACES) return;
    await sleep(250);
  }
  throw new InvariantViolation(`the Dầu Tiếng story's organizations did not reach personnel in ${WAIT_SECONDS} s`);
}
