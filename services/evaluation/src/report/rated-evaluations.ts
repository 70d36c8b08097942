import type { Principal } from '@ps/auth';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Evaluation } from '../evaluation/evaluation.entity';
import type { RatingLevel } from '../rating/rating.entity';
import { territoryGuard } from '../territory/territory.guard';

/** One evaluation as the summaries and reports count it: who, where, and the level in force on the date asked. */
export interface RatedEvaluation {
  id: string;
  personId: string;
  fullName: string;
  titleCode: string;
  organizationId: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
  year: number;
  subject: string;
  leader: boolean;
  level: RatingLevel;
}

/**
 * The level of the evaluation `alias` in force on `dateSql`: the latest decided level (the
 * head's decision, or an appeal's re-rating) taking effect by then. Steps are append-only, so a
 * date before an appeal reads the level as it stood before it; null while nothing was decided.
 */
export function levelInForceSql(alias: string, dateSql: string): string {
  return `(SELECT decided.level FROM evaluation_step decided
            WHERE decided.evaluation_id = ${alias}.id AND decided.step IN ('HEAD_DECISION', 'APPEAL_RESOLVED')
              AND decided.level IS NOT NULL AND decided.effective_date <= ${dateSql}
            ORDER BY decided.effective_date DESC, decided.revision DESC LIMIT 1)`;
}

/**
 * The evaluations rated on `asOf` (alias `rated`, columns of {@link RatedEvaluation}), each
 * placed in the tree by its unit's version in force that day, and only those whose unit lay
 * inside the caller's territory then: callers add their filters and grouping.
 */
export function ratedOn(manager: EntityManager, principal: Principal, asOf: string): SelectQueryBuilder<ObjectLiteral> {
  const evaluations = manager
    .createQueryBuilder()
    .from(Evaluation, 'evaluation')
    .select('evaluation.id', 'id')
    .addSelect('evaluation.person_id', 'personId')
    .addSelect('evaluation.full_name', 'fullName')
    .addSelect('evaluation.title_code', 'titleCode')
    .addSelect('evaluation.organization_id', 'organizationId')
    .addSelect('evaluation.year', 'year')
    .addSelect('evaluation.subject', 'subject')
    .addSelect('evaluation.leader', 'leader')
    .addSelect('rated_unit.code', 'unitCode')
    .addSelect('rated_unit.name', 'unitName')
    .addSelect('rated_unit.path', 'unitPath')
    .addSelect(levelInForceSql('evaluation', ':ratedAsOf'), 'level')
    .setParameter('ratedAsOf', asOf);
  territoryGuard.joinUnitOn(evaluations, principal, 'evaluation.unit_code', asOf, 'rated_unit');
  return manager
    .createQueryBuilder()
    .from(`(${evaluations.getQuery()})`, 'rated')
    .setParameters(evaluations.getParameters())
    .where('rated.level IS NOT NULL');
}
