import { mapLoader } from '@ps/service-kit';
import { In, type DataSource } from 'typeorm';
import { Decision } from './decision.entity';

/** Decisions by id, one query per batch (reached only through records the caller may read). */
export function decisionLoaders(dataSource: DataSource) {
  return {
    decisionById: mapLoader(async (ids: readonly string[]) => {
      const decisions = await dataSource.getRepository(Decision).findBy({ id: In([...ids]) });
      return new Map(decisions.map((decision) => [decision.id, decision]));
    }, null),
  };
}

export type DecisionLoaders = ReturnType<typeof decisionLoaders>;
