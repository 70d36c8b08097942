import { groupBy } from '@ps/service-kit';
import type { Tier } from '../unit/unit.entity';
import type { LineagePair } from './ward-mapping.parser';

export type LineageKind = 'MERGE' | 'SPLIT';

/** One unit_lineage row to record. */
export interface PlannedLineage extends LineagePair {
  kind: LineageKind;
  tier: Tier;
}

/** Several units became one (N → 1); the successor may keep one predecessor's code. */
export interface Merge {
  tier: Tier;
  successor: string;
  predecessors: string[];
}

/** One unit was divided among several (1 → N). */
export interface Split {
  tier: Tier;
  predecessor: string;
  successors: string[];
}

/** SPLIT when the predecessor went to more than one successor; otherwise it merged into its one successor. */
export function lineageKind(successorsOfPredecessor: number): LineageKind {
  return successorsOfPredecessor > 1 ? 'SPLIT' : 'MERGE';
}

/**
 * A → A with nothing joining and nothing leaving is a continuation, not lineage. When A and B
 * merge into A, A → A is a real merge predecessor and is kept.
 */
export function isContinuation(pair: LineagePair, predecessorsOfSuccessor: number, successorsOfPredecessor: number): boolean {
  return pair.predecessor === pair.successor && predecessorsOfSuccessor === 1 && successorsOfPredecessor === 1;
}

const distinct = (pairs: readonly LineagePair[]): LineagePair[] => [
  ...new Map(pairs.map((pair) => [`${pair.predecessor}>${pair.successor}`, pair])).values(),
];

const byPairCodes = (a: LineagePair, b: LineagePair): number =>
  a.successor.localeCompare(b.successor) || a.predecessor.localeCompare(b.predecessor);

/** The lineage rows a set of placed pairs gives, with their kind, continuations left out. */
export function planLineage(pairs: readonly LineagePair[], tier: Tier): PlannedLineage[] {
  const unique = distinct(pairs);
  const predecessorsOf = groupBy(unique, (pair) => pair.successor);
  const successorsOf = groupBy(unique, (pair) => pair.predecessor);
  return unique
    .map((pair) => ({
      pair,
      predecessors: predecessorsOf.get(pair.successor)?.length ?? 0,
      successors: successorsOf.get(pair.predecessor)?.length ?? 0,
    }))
    .filter(({ pair, predecessors, successors }) => !isContinuation(pair, predecessors, successors))
    .map(({ pair, successors }) => ({ ...pair, kind: lineageKind(successors), tier }))
    .sort(byPairCodes);
}

/** Province lineage through communes: the old commune's province → the new commune's province. */
export function provincePairs(
  communePairs: readonly LineagePair[],
  oldProvinceOf: ReadonlyMap<string, string>,
  newProvinceOf: ReadonlyMap<string, string>,
): LineagePair[] {
  const pairs: LineagePair[] = [];
  for (const { predecessor, successor } of communePairs) {
    const from = oldProvinceOf.get(predecessor);
    const to = newProvinceOf.get(successor);
    if (from && to) pairs.push({ predecessor: from, successor: to });
  }
  return distinct(pairs);
}

/** The merges and splits a set of lineage rows describes (the events announce these). */
export function restructurings(lineage: readonly PlannedLineage[]): { merges: Merge[]; splits: Split[] } {
  const splits = [...groupBy(lineage.filter((row) => row.kind === 'SPLIT'), (row) => row.predecessor)].map(
    ([predecessor, rows]) => ({ tier: rows[0].tier, predecessor, successors: rows.map((row) => row.successor).sort() }),
  );
  const merges = [...groupBy(lineage, (row) => row.successor)]
    .filter(([, rows]) => rows.some((row) => row.kind === 'MERGE'))
    .map(([successor, rows]) => ({ tier: rows[0].tier, successor, predecessors: rows.map((row) => row.predecessor).sort() }));
  return { merges, splits };
}
