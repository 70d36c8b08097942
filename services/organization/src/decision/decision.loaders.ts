import { decisionLoader } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';

/** Decisions by id, one query per batch (reached only through records the caller may read). */
export function decisionLoaders(dataSource: DataSource) {
  return { decisionById: decisionLoader(dataSource) };
}

export type DecisionLoaders = ReturnType<typeof decisionLoaders>;
