import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Decision } from './decision.entity';

/**
 * Decisions by id, one query per batch. Reached only through records the caller may read,
 * so the decision itself needs no territory cut.
 */
export function decisionLoader(dataSource: DataSource): DataLoader<string, Decision | null> {
  return new DataLoader<string, Decision | null>(async (ids) => {
    const decisions = await dataSource.getRepository(Decision).findBy({ id: In([...ids]) });
    const byId = new Map(decisions.map((decision) => [decision.id, decision]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The decision loader under the name every service's resolvers read it by: `loaders.decisionById`. */
export function decisionLoaders(dataSource: DataSource) {
  return { decisionById: decisionLoader(dataSource) };
}

export type DecisionLoaders = ReturnType<typeof decisionLoaders>;
