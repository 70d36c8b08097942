import type { EntityManager } from 'typeorm';
import type { FinalizedEvaluation } from './finalized-evaluation';

/**
 * Keeps the revision on the person's rating history when it is newer than the one kept: the
 * first revision adds the evaluation's row, a later one replaces it. An older or equal revision
 * (an appeal's result replayed after a newer one) changes nothing and answers false, so nothing
 * is derived from it either.
 */
export async function keepNewerRating(manager: EntityManager, evaluation: FinalizedEvaluation, eventId: string): Promise<boolean> {
  const kept: unknown[] = await manager.query(
    `INSERT INTO person_rating
            (evaluation_id, person_id, full_name, unit_code, organization_id, title_code, subject, year, level, points,
             rule_set, rule_source, applied_rules, revision, appeal_id, effective_date, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (evaluation_id) DO UPDATE SET
            person_id = EXCLUDED.person_id, full_name = EXCLUDED.full_name, unit_code = EXCLUDED.unit_code,
            organization_id = EXCLUDED.organization_id, title_code = EXCLUDED.title_code, subject = EXCLUDED.subject,
            year = EXCLUDED.year, level = EXCLUDED.level, points = EXCLUDED.points, rule_set = EXCLUDED.rule_set,
            rule_source = EXCLUDED.rule_source, applied_rules = EXCLUDED.applied_rules, revision = EXCLUDED.revision,
            appeal_id = EXCLUDED.appeal_id, effective_date = EXCLUDED.effective_date, event_id = EXCLUDED.event_id, received_at = now()
      WHERE person_rating.revision < EXCLUDED.revision
     RETURNING evaluation_id`,
    [
      evaluation.evaluationId, evaluation.personId, evaluation.fullName, evaluation.unitCode, evaluation.organizationId, evaluation.titleCode,
      evaluation.subject, evaluation.year, evaluation.level, evaluation.points, evaluation.ruleSet, evaluation.ruleSource,
      JSON.stringify(evaluation.appliedRules), evaluation.revision, evaluation.appealId, evaluation.effectiveDate, eventId,
    ],
  );
  return kept.length > 0;
}
