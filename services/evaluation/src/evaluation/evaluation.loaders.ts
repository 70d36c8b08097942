import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { EvaluationAppeal, EvaluationStep } from './evaluation.entity';

/** The rows of each evaluation asked, in the order the rows came. */
function grouped<Row extends { evaluationId: string }>(ids: readonly string[], rows: readonly Row[]): Row[][] {
  return ids.map((id) => rows.filter((row) => row.evaluationId === id));
}

/**
 * Per-request loaders of evaluations' steps and appeals, one statement per batch. Reached only
 * through evaluations the caller may read (their queries are cut to the territory), so these
 * need no cut of their own.
 */
export function evaluationLoaders(dataSource: DataSource) {
  return {
    evaluationSteps: new DataLoader<string, EvaluationStep[]>(async (ids) =>
      grouped(ids, await dataSource.getRepository(EvaluationStep).find({ where: { evaluationId: In([...ids]) }, order: { recordedAt: 'ASC', id: 'ASC' } })),
    ),
    evaluationAppeals: new DataLoader<string, EvaluationAppeal[]>(async (ids) =>
      grouped(ids, await dataSource.getRepository(EvaluationAppeal).find({ where: { evaluationId: In([...ids]) }, order: { filedOn: 'ASC', id: 'ASC' } })),
    ),
  };
}

export type EvaluationWorkflowLoaders = ReturnType<typeof evaluationLoaders>;
