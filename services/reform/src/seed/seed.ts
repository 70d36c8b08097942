import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvariantViolation } from '@ps/errors';
import { createLogger, withServiceDatabase, type Logger } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { reformService } from '../service';
import { storyCommunes, storyReadiness } from './dau-tieng-plan.places';
import { DauTiengPlanSeed } from './dau-tieng-plan.seed';
import { STORY_COMMUNES, STORY_PEOPLE } from './dau-tieng-plan.story';

const WAIT_SECONDS = 180;
/** The district and its communes; each commune's Party committee, People's Committee and Farmers' Union. */
const STORY_UNITS = STORY_COMMUNES.length + 1;
const STORY_BODIES = STORY_COMMUNES.length * 3;

/**
 * `pnpm seed` (after personnel's seed): waits until reform has projected the Dầu Tiếng story's
 * territory, organizations and people, then records, through reform's own services, decisions and
 * audit rows, the Conclusion 64-KL/TW, the district's and the communes' plans with their tasks,
 * progress and indicators, and An Lập's staffing proposal waiting for the district (a second run
 * adds nothing).
 */
withServiceDatabase(reformService, 'seed', async (dataSource, logger) => {
  await storyProjected(dataSource, logger);
  const started = Date.now();
  const added = await new DauTiengPlanSeed(dataSource).run(await storyCommunes(dataSource));
  const any = Object.values(added).some((count) => count > 0);
  logger.info({ ...added, seconds: (Date.now() - started) / 1000 }, any ? 'Dầu Tiếng reform plans seeded' : 'Dầu Tiếng reform plans already there');
}).catch((error: unknown) => {
  createLogger('reform-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});

/** Waits, at most WAIT_SECONDS, until the story's units, organizations and every person have reached reform. */
async function storyProjected(dataSource: DataSource, logger: Logger): Promise<void> {
  const deadline = Date.now() + WAIT_SECONDS * 1000;
  let readiness = await storyReadiness(dataSource);
  while (readiness.units < STORY_UNITS || readiness.bodies < STORY_BODIES || readiness.people < STORY_PEOPLE) {
    if (Date.now() > deadline) {
      throw new InvariantViolation(
        `the Dầu Tiếng story did not reach reform in ${WAIT_SECONDS} s: ${readiness.units}/${STORY_UNITS} units, ${readiness.bodies}/${STORY_BODIES} commune organizations, ` +
          `${readiness.people}/${STORY_PEOPLE} people (did organization's and personnel's seeds run?)`,
      );
    }
    await sleep(250);
    readiness = await storyReadiness(dataSource);
  }
  logger.info(readiness, 'Dầu Tiếng organizations and people projected');
}
