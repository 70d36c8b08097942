import type { EntityManager } from 'typeorm';
import type { FinalizedEvaluation } from '../rating/finalized-evaluation';
import { circumstancesOn, downsizingRulesOn } from './downsizing-rules.lookup';
import { assessDownsizing, candidateStanding } from './downsizing.rules';

type RatedGrounds = Pick<FinalizedEvaluation, 'evaluationId' | 'revision' | 'personId' | 'fullName' | 'unitCode' | 'year' | 'effectiveDate' | 'downsizingGrounds'>;

/**
 * Brings the candidates of an evaluation up to a newer revision, in the caller's transaction:
 * one per ground the revision meets, judged against the exclusions of the rules in force on its
 * effective date for the person's circumstances then (a ground met again after a withdrawal is
 * the same candidate again); a candidate whose ground the revision no longer meets is withdrawn
 * by it. Nothing is deleted: a downsizing decision may cite any of them.
 */
export async function deriveDownsizingCandidates(manager: EntityManager, evaluation: RatedGrounds): Promise<void> {
  const rules = await downsizingRulesOn(manager, evaluation.effectiveDate);
  const circumstances = await circumstancesOn(manager, evaluation.personId, evaluation.effectiveDate);
  const grounds = evaluation.downsizingGrounds.map((ground) => {
    const assessment = assessDownsizing(rules, ground.groundCode, circumstances, false);
    return {
      groundCode: ground.groundCode,
      groundName: assessment.ground?.name ?? null,
      ruleSource: `${ground.source}, ${ground.article}`,
      ratings: ground.ratings,
      ...candidateStanding(assessment),
    };
  });
  if (grounds.length > 0) await keepCandidates(manager, evaluation, grounds);
  await manager.query(
    `UPDATE downsizing_candidate SET status = 'WITHDRAWN', withdrawn_by_revision = $2, updated_at = now()
      WHERE evaluation_id = $1 AND status <> 'WITHDRAWN' AND NOT (ground_code = ANY($3::text[]))`,
    [evaluation.evaluationId, evaluation.revision, grounds.map((ground) => ground.groundCode)],
  );
}

async function keepCandidates(manager: EntityManager, evaluation: RatedGrounds, grounds: unknown[]): Promise<void> {
  await manager.query(
    `INSERT INTO downsizing_candidate
            (id, evaluation_id, person_id, full_name, unit_code, year, revision, effective_date,
             ground_code, ground_name, rule_source, ratings, status, exclusions)
     SELECT gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7,
            ground."groundCode", ground."groundName", ground."ruleSource", ground.ratings, ground.status, ground.exclusions
       FROM jsonb_to_recordset($8::jsonb)
         AS ground ("groundCode" text, "groundName" text, "ruleSource" text, ratings jsonb, status text, exclusions jsonb)
     ON CONFLICT (evaluation_id, ground_code) DO UPDATE SET
            full_name = EXCLUDED.full_name, unit_code = EXCLUDED.unit_code, year = EXCLUDED.year,
            revision = EXCLUDED.revision, effective_date = EXCLUDED.effective_date, ground_name = EXCLUDED.ground_name,
            rule_source = EXCLUDED.rule_source, ratings = EXCLUDED.ratings, status = EXCLUDED.status,
            exclusions = EXCLUDED.exclusions, withdrawn_by_revision = NULL, updated_at = now()`,
    [evaluation.evaluationId, evaluation.personId, evaluation.fullName, evaluation.unitCode, evaluation.year,
      evaluation.revision, evaluation.effectiveDate, JSON.stringify(grounds)],
  );
}
