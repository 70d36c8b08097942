import type { Principal } from '@ps/auth';
import { isStableId } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { Evaluation } from '../evaluation/evaluation.entity';
import { evaluationsWithinTerritory } from '../evaluation/evaluation.territory';

/** The evaluations personnel's people carry, read for the federated `Person.evaluations`. */
export class PersonEvaluations {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The evaluations of each person asked (of `year`, or of every year when null), newest year
   * first, in one statement; each only when its unit, as it stood on the last day of the year
   * judged, lay inside the caller's territory then (a year is judged as of its end, like a cycle).
   */
  async of(principal: Principal, ids: readonly string[], year: number | null): Promise<Map<string, Evaluation[]>> {
    const personIds = ids.filter(isStableId);
    if (personIds.length === 0) return new Map();
    const query = this.dataSource.getRepository(Evaluation).createQueryBuilder('evaluation').where('evaluation.person_id IN (:...personIds)', { personIds });
    if (year !== null) query.andWhere('evaluation.year = :year', { year });
    evaluationsWithinTerritory(query, principal, 'evaluation');
    const evaluations = await query.orderBy('evaluation.year', 'DESC').addOrderBy('evaluation.subject').getMany();
    const byPerson = new Map<string, Evaluation[]>();
    for (const evaluation of evaluations) byPerson.set(evaluation.personId, [...(byPerson.get(evaluation.personId) ?? []), evaluation]);
    return byPerson;
  }
}
