import { datedLoader, inForceOn, stampAsOf } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { IndicatorService } from '../indicator/indicator.service';
import type { IndicatorActual, ReformIndicator } from '../indicator/indicator.entity';
import { SourceDocument } from '../source-document/source-document.entity';
import { TaskService } from '../task/task.service';
import type { ReformTask, TaskProgressReport } from '../task/task.entity';
import { ReformGoal } from './goal.entity';

/** Goals in force on `asOf` of plans already read through the territory guard, by target year. */
async function goalsOf(dataSource: DataSource, planIds: readonly string[], asOf: string): Promise<Map<string, ReformGoal[]>> {
  const goals = await dataSource
    .getRepository(ReformGoal)
    .createQueryBuilder('goal')
    .where('goal.plan_id IN (:...planIds)', { planIds })
    .andWhere(inForceOn('goal', ':asOf'), { asOf })
    .orderBy('goal.target_year')
    .addOrderBy('goal.created_at')
    .getMany();
  return groupBy(goals.map((goal) => stampAsOf(goal, asOf)), (goal) => goal.planId);
}

/** Source documents by id, as recorded on `asOf` (public texts, not cut to a territory). */
async function documentsById(dataSource: DataSource, ids: readonly string[], asOf: string): Promise<Map<string, SourceDocument>> {
  const documents = await dataSource
    .getRepository(SourceDocument)
    .createQueryBuilder('document')
    .where('document.id IN (:...ids)', { ids })
    .andWhere(inForceOn('document', ':asOf'), { asOf })
    .getMany();
  return new Map(documents.map((document) => [document.id, stampAsOf(document, asOf)]));
}

/**
 * Per-request loaders of what a plan holds, keyed by the holder's id and date. A plan reaches a
 * caller only through the territory-guarded plan queries, so what it holds needs no second cut.
 */
export function planContentsLoaders(dataSource: DataSource) {
  const tasks = new TaskService(dataSource);
  const indicators = new IndicatorService(dataSource);
  return {
    goalsOn: datedLoader<'id', ReformGoal[]>('id', (ids, asOf) => goalsOf(dataSource, ids, asOf), []),
    tasksOn: datedLoader<'id', ReformTask[]>('id', (ids, asOf) => tasks.ofPlans(ids, asOf), []),
    progressReportsOn: datedLoader<'id', TaskProgressReport[]>('id', (ids, asOf) => tasks.reportsOf(ids, asOf), []),
    indicatorsOn: datedLoader<'id', ReformIndicator[]>('id', (ids, asOf) => indicators.ofPlans(ids, asOf), []),
    actualsOn: datedLoader<'id', IndicatorActual[]>('id', (ids, asOf) => indicators.actualsOf(ids, asOf), []),
    sourceDocumentOn: datedLoader<'id', SourceDocument | null>('id', (ids, asOf) => documentsById(dataSource, ids, asOf), null),
  };
}

export type PlanContentsLoaders = ReturnType<typeof planContentsLoaders>;
