import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  byCode,
  readThreeTierFile,
  readTwoTierFile,
  TERRITORY_DATA_DIR,
  threeTierTree,
  twoTierTree,
  type OfficialTree,
} from './official-tree.parser';
import { communesWithoutPredecessor, unitsWithoutSuccessor } from './reorganization.faults';
import { TerritoryLoadOptionError } from './territory-load.errors';
import type { TerritoryFault } from './territory-load.faults';
import type { TerritoryLoadReport, TreeLoadResult, TreeName } from './territory-load.report';
import { loadThreeTier, type LoadStep, type TreeChanges } from './three-tier.loader';
import { loadTwoTier, reorganizationLineage, REORGANIZATION_DATE } from './two-tier.loader';
import { classifyMapping, knownFaultCounts, readMappingFile, type KnownFaultCounts, type LineagePair } from './ward-mapping.parser';

/** The date the three-tier snapshot is taken to hold from when the operator names none. */
export const DEFAULT_THREE_TIER_FROM = '2024-01-01';

export interface TerritoryLoadOptions {
  /** The date the 2024 snapshot is taken to hold from (not the units' establishment); before 2025-07-01. */
  threeTierFrom: string;
  /** Load only one tree; null loads both, three-tier first. */
  only: TreeName | null;
  /** Where the data files are; the copy shipped with the service by default. */
  dataDir?: string;
}

/** The three data files, parsed and checked against each other; nothing here touches the database. */
export interface TerritoryData {
  threeTier: OfficialTree;
  twoTier: OfficialTree;
  communePairs: LineagePair[];
  knownFaults: KnownFaultCounts;
  faults: TerritoryFault[];
}

export function readTerritoryData(dataDir: string = TERRITORY_DATA_DIR): TerritoryData {
  const threeTier = threeTierTree(readThreeTierFile(dataDir));
  const twoTier = twoTierTree(readTwoTierFile(dataDir));
  const rows = readMappingFile(dataDir);
  const mapping = classifyMapping(rows, { threeTier: byCode(threeTier), twoTier: byCode(twoTier) });
  const { provincePairs } = reorganizationLineage({ threeTier, twoTier, communePairs: mapping.pairs });
  return {
    threeTier,
    twoTier,
    communePairs: mapping.pairs,
    knownFaults: knownFaultCounts(rows, threeTier, twoTier),
    faults: [
      ...threeTier.faults,
      ...twoTier.faults,
      ...mapping.faults,
      ...communesWithoutPredecessor(twoTier, mapping.pairs, rows),
      ...unitsWithoutSuccessor(threeTier, twoTier, [...mapping.pairs, ...provincePairs]),
    ],
  };
}

/**
 * Loads the national territory: the 2024 three-tier tree from `threeTierFrom`, then the 2026
 * two-tier tree from 2025-07-01 with the lineage between them, one transaction per tree, as
 * `system:territory-load`. Idempotent: a second run inserts nothing and announces nothing.
 */
export async function loadTerritory(
  dataSource: DataSource,
  options: TerritoryLoadOptions,
  logger: Logger,
): Promise<TerritoryLoadReport> {
  checkOptions(options);
  const startedAt = new Date().toISOString();
  const data = readTerritoryData(options.dataDir);
  logger.info(
    { threeTier: data.threeTier.units.length, twoTier: data.twoTier.units.length, pairs: data.communePairs.length, faults: data.faults.length },
    'data files read and checked',
  );
  const correlationId = randomUUID();
  const inTransaction = (work: (step: LoadStep) => Promise<TreeChanges>) => () =>
    dataSource.transaction((manager) => work({ manager, logger, correlationId }));
  const trees: TreeLoadResult[] = [];
  const faults = [...data.faults];
  if (options.only !== 'two-tier') {
    trees.push(await timed('three-tier', options.threeTierFrom, inTransaction((step) => loadThreeTier(step, data.threeTier, options.threeTierFrom))));
  }
  if (options.only !== 'three-tier') {
    const twoTier = inTransaction(async (step) => {
      const { changes, faults: found } = await loadTwoTier(step, data);
      faults.push(...found);
      return changes;
    });
    trees.push(await timed('two-tier', REORGANIZATION_DATE, twoTier));
  }
  for (const tree of trees) logger.info(tree, `${tree.tree}: committed`);
  if (trees.some((tree) => tree.rowsWritten > 0)) await refreshStatistics(dataSource, logger);
  return { startedAt, options: { threeTierFrom: options.threeTierFrom, only: options.only }, trees, knownFaults: data.knownFaults, faults };
}

function checkOptions(options: TerritoryLoadOptions): void {
  if (z.iso.date().safeParse(options.threeTierFrom).success && options.threeTierFrom < REORGANIZATION_DATE) return;
  throw new TerritoryLoadOptionError(
    `Ngày bắt đầu của danh mục ba cấp phải là một ngày trước ${REORGANIZATION_DATE}`,
    `The three-tier snapshot must start on a date before ${REORGANIZATION_DATE}`,
    { threeTierFrom: options.threeTierFrom },
  );
}

/** Without fresh statistics after a bulk load the planner ANDs the validity index into every subtree read. */
async function refreshStatistics(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.query('ANALYZE administrative_unit, unit_lineage');
  logger.info('statistics refreshed (ANALYZE)');
}

async function timed(tree: TreeName, validFrom: string, load: () => Promise<TreeChanges>): Promise<TreeLoadResult> {
  const started = performance.now();
  const changes = await load();
  const seconds = (performance.now() - started) / 1000;
  return { tree, validFrom, ...changes, seconds, rowsPerSecond: seconds > 0 ? changes.rowsWritten / seconds : 0 };
}
