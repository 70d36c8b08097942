import { evaluationReads } from '@ps/contracts';
import type { InboxConsumer } from '@ps/events';
import type { Logger } from '@ps/service-kit';
import type { EntityManager } from 'typeorm';
import { deriveDownsizingCandidates } from '../downsizing/downsizing-candidate.derive';
import { keepNewerRating } from './rating-history.writes';
import { followRewardProposal } from './reward-proposal.writes';

/**
 * The one entry point of evaluation's ratings into personnel: each finalised evaluation, in the
 * inbox transaction (a redelivered event changes nothing), updates the rating history and, when
 * its revision is newer than the one kept, the downsizing candidates and the reward proposal
 * derived from it. A person personnel does not hold keeps the rating (the file may be imported
 * later) but gets no candidate or proposal: there is nobody on file to decide on, nor
 * circumstances to judge the exclusions by.
 */
export function receiveFinalizedEvaluations(consumer: InboxConsumer, logger: Logger): InboxConsumer {
  return consumer.on(evaluationReads.evaluationFinalized, async (event, manager) => {
    const evaluation = event.payload;
    if (!(await keepNewerRating(manager, evaluation, event.id))) return;
    if (!(await isOnFile(manager, evaluation.personId))) {
      logger.warn({ eventId: event.id, evaluationId: evaluation.evaluationId, personId: evaluation.personId }, 'rating kept for a person not on file; no candidate or proposal derived');
      return;
    }
    await deriveDownsizingCandidates(manager, evaluation);
    await followRewardProposal(manager, evaluation);
  });
}

async function isOnFile(manager: EntityManager, personId: string): Promise<boolean> {
  const [row]: Array<{ found: boolean }> = await manager.query('SELECT EXISTS (SELECT 1 FROM person WHERE id = $1) AS found', [personId]);
  return row?.found === true;
}
