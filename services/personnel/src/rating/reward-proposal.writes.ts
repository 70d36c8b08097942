import type { EntityManager } from 'typeorm';
import type { FinalizedEvaluation } from './finalized-evaluation';
import { RatingLevel } from './rating.kinds';

/** The level that earns a reward proposal: excellent (HTXS). */
export const REWARDED_LEVEL = RatingLevel.HTXS;

/**
 * Brings an evaluation's reward proposal up to a newer revision, in the caller's transaction:
 * HTXS proposes (again, when an earlier revision had withdrawn it); any lower level withdraws a
 * standing proposal, recording the revision that did.
 */
export async function followRewardProposal(manager: EntityManager, evaluation: FinalizedEvaluation): Promise<void> {
  if (evaluation.level !== REWARDED_LEVEL) {
    await manager.query(
      `UPDATE reward_proposal SET status = 'WITHDRAWN', withdrawn_by_revision = $2, updated_at = now() WHERE evaluation_id = $1 AND status = 'PROPOSED'`,
      [evaluation.evaluationId, evaluation.revision],
    );
    return;
  }
  await manager.query(
    `INSERT INTO reward_proposal (evaluation_id, person_id, full_name, unit_code, year, points, rule_source, status, revision, effective_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'PROPOSED', $8, $9)
     ON CONFLICT (evaluation_id) DO UPDATE SET
            full_name = EXCLUDED.full_name, unit_code = EXCLUDED.unit_code, year = EXCLUDED.year, points = EXCLUDED.points,
            rule_source = EXCLUDED.rule_source, status = 'PROPOSED', revision = EXCLUDED.revision,
            withdrawn_by_revision = NULL, effective_date = EXCLUDED.effective_date, updated_at = now()`,
    [evaluation.evaluationId, evaluation.personId, evaluation.fullName, evaluation.unitCode, evaluation.year,
      evaluation.points, evaluation.ruleSource, evaluation.revision, evaluation.effectiveDate],
  );
}
