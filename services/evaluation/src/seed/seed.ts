import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { todayInVietnam } from '@ps/effective-dating';
import { InvariantViolation } from '@ps/errors';
import { createLogger, withServiceDatabase, type Logger } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { evaluationService } from '../service';
import { storyReadiness } from './dau-tieng.seed';
import { DEMO_YEARS, STORY_COMMITTEE_POSTS } from './dau-tieng.story';
import { SEED_STEPS } from './seed.steps';

const WAIT_SECONDS = 180;
/** After the posts arrived, how long the moves of 1 July 2025 may take to follow them at most… */
const MOVES_WAIT_SECONDS = 60;
/** …and how long no further move arriving means the rest will not (a commune absorbed outside the story keeps its posts). */
const MOVES_SETTLED_SECONDS = 10;

/**
 * `pnpm seed` (after personnel's seed): waits until this service has projected the Dầu Tiếng
 * story's people and People's Committee posts from personnel's events, then records, through the
 * services' own rules, decisions and audit rows, the communes' job-responsibility rules, quarterly
 * cycles and period scores of 2024 and 2026 (a second run adds nothing).
 */
withServiceDatabase(evaluationService, 'seed', async (dataSource, logger) => {
  await storyProjected(dataSource, logger);
  const today = todayInVietnam();
  for (const year of DEMO_YEARS) {
    for (const step of SEED_STEPS) {
      const started = Date.now();
      const added = await step.run(dataSource, year, today);
      logger.info({ year, added, seconds: (Date.now() - started) / 1000 }, added > 0 ? `Dầu Tiếng ${step.name} ${year} seeded` : `Dầu Tiếng ${step.name} ${year} already there`);
    }
  }
}).catch((error: unknown) => {
  createLogger('evaluation-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});

/** Waits for every post (refusing to seed without them), then a while for their moves to the successor communes. */
async function storyProjected(dataSource: DataSource, logger: Logger): Promise<void> {
  const deadline = Date.now() + WAIT_SECONDS * 1000;
  let readiness = await storyReadiness(dataSource);
  while (readiness.held < STORY_COMMITTEE_POSTS) {
    if (Date.now() > deadline) throw new InvariantViolation(`the Dầu Tiếng story's ${STORY_COMMITTEE_POSTS} People's Committee posts did not reach evaluation in ${WAIT_SECONDS} s (${readiness.held} did)`);
    await sleep(250);
    readiness = await storyReadiness(dataSource);
  }
  const movesDeadline = Date.now() + MOVES_WAIT_SECONDS * 1000;
  let settledSince = Date.now();
  while (readiness.stranded > 0 && Date.now() < movesDeadline && Date.now() - settledSince < MOVES_SETTLED_SECONDS * 1000) {
    await sleep(250);
    const previous = readiness.stranded;
    readiness = await storyReadiness(dataSource);
    if (readiness.stranded !== previous) settledSince = Date.now();
  }
  logger.info(readiness, readiness.stranded > 0 ? 'posts still in ceased communes get no 2026 scores' : 'Dầu Tiếng people and posts projected');
}
