import type { Principal } from '@ps/auth';
import { isStableId } from '@ps/effective-dating';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { judgedWithinTerritory } from '../territory/judged-territory';
import { Evaluation } from './evaluation.entity';
import { EvaluationNotFoundError } from './evaluation.errors';

/** The last day of the evaluation's year, as SQL: an evaluation is placed where its unit stood then. */
const yearEndOf = (alias: string) => `make_date(${alias}.year, 12, 31)`;

/**
 * Cuts a query over evaluations (`alias`) to those whose unit lay inside the caller's territory
 * on the last day of the year rated, inside the SQL: nothing outside is ever read.
 */
export function evaluationsWithinTerritory<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, alias: string): SelectQueryBuilder<T> {
  return judgedWithinTerritory(query, principal, { unitCodeSql: `${alias}.unit_code`, dateSql: yearEndOf(alias), alias: `${alias}_unit` });
}

/**
 * The evaluations, locked for the write, in id order (two batches lock in the same order); any
 * id unknown or outside the caller's territory refuses the whole write as NOT_FOUND.
 */
export async function lockedEvaluations(manager: EntityManager, principal: Principal, ids: readonly string[]): Promise<Evaluation[]> {
  const wanted = [...new Set(ids)];
  const malformed = wanted.filter((id) => !isStableId(id));
  if (malformed.length > 0) throw new EvaluationNotFoundError(malformed);
  const query = manager.getRepository(Evaluation).createQueryBuilder('evaluation').where('evaluation.id IN (:...ids)', { ids: wanted }).orderBy('evaluation.id');
  const found = await evaluationsWithinTerritory(query, principal, 'evaluation').setLock('pessimistic_write', undefined, ['evaluation']).getMany();
  const missing = wanted.filter((id) => !found.some((evaluation) => evaluation.id === id));
  if (missing.length > 0) throw new EvaluationNotFoundError(missing);
  return found;
}
