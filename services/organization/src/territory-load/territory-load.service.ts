import { performance } from 'node:perf_hooks';
import { systemActor, writeDated, type ChangeFacts } from '@ps/effective-dating';
import type { Logger } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { DecisionIssuer } from '../restructure/authority.rules';
import { readThreeTierFile, readTwoTierFile, TERRITORY_DATA_DIR, threeTierTree, twoTierTree, type OfficialTree } from './official-tree.parser';
import { planCountryReorganization } from './province-reorganization.plan';
import type { ProvinceReorganizationPlan } from './province-reorganization.steps';
import { TerritoryLoadOptionError } from './territory-load.errors';
import type { TerritoryFault } from './territory-load.faults';
import type { TerritoryLoadReport, TreeLoadResult, TreeName } from './territory-load.report';
import { loadThreeTier, threeTierReason, type LoadStep, type TreeChanges } from './three-tier.loader';
import { loadTwoTier, REORGANIZATION_DATE, REORGANIZATION_REASON } from './two-tier.loader';
import { knownFaultCounts, readMappingFile, type KnownFaultCounts } from './ward-mapping.parser';

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

/** The three data files, parsed, and every new province's 2025 plan; nothing here touches the database. */
export interface TerritoryData {
  threeTier: OfficialTree;
  twoTier: OfficialTree;
  plans: ProvinceReorganizationPlan[];
  knownFaults: KnownFaultCounts;
  faults: TerritoryFault[];
}

export function readTerritoryData(dataDir: string = TERRITORY_DATA_DIR): TerritoryData {
  const threeTier = threeTierTree(readThreeTierFile(dataDir));
  const twoTier = twoTierTree(readTwoTierFile(dataDir));
  const rows = readMappingFile(dataDir);
  const { plans, unplaced } = planCountryReorganization({ threeTier, twoTier, rows });
  return {
    threeTier,
    twoTier,
    plans,
    knownFaults: knownFaultCounts(rows, threeTier, twoTier),
    faults: [...threeTier.faults, ...twoTier.faults, ...plans.flatMap((plan) => plan.faults), ...unplaced.map((item) => item.fault)],
  };
}

/** The 2024 list rests on the official code list (Decision 124/2004/QĐ-TTg and its updates). */
const THREE_TIER_DECISION = { number: '124/2004/QĐ-TTg', date: '2004-07-08', signer: 'Thủ tướng Chính phủ', issuer: DecisionIssuer.GOVERNMENT };
/** The 2025 reorganization as a whole rests on the National Assembly's resolution; each step cites its own. */
const TWO_TIER_DECISION = { number: '202/2025/QH15', date: '2025-06-12', signer: 'Chủ tịch Quốc hội', issuer: DecisionIssuer.NATIONAL_ASSEMBLY };

/**
 * Loads the national territory: the 2024 three-tier tree from `threeTierFrom`, then the 2026
 * two-tier tree from 2025-07-01 with the lineage between them, one audited write per tree, as
 * `system:territory-load`. Idempotent: a second run changes, announces and audits nothing.
 */
export async function loadTerritory(dataSource: DataSource, options: TerritoryLoadOptions, logger: Logger): Promise<TerritoryLoadReport> {
  checkOptions(options);
  const startedAt = new Date().toISOString();
  const data = readTerritoryData(options.dataDir);
  logger.info({ threeTier: data.threeTier.units.length, twoTier: data.twoTier.units.length, plans: data.plans.length, faults: data.faults.length }, 'data files read and planned');
  const write = (operation: string, change: ChangeFacts, work: (step: LoadStep) => Promise<TreeChanges>) => () =>
    writeDated(dataSource, { actor: systemActor('territory-load'), operation, change }, async (dated) => {
      dated.about({ type: 'Territory', id: 'VN', label: 'Lãnh thổ toàn quốc / the national territory', unitCode: null, unitPaths: provincePaths(data) });
      const changes = await work({ write: dated, logger });
      dated.after(changes);
      return changes;
    });
  const trees: TreeLoadResult[] = [];
  const faults = [...data.faults];
  if (options.only !== 'two-tier') {
    const change = { effectiveDate: options.threeTierFrom, reason: threeTierReason(options.threeTierFrom), decision: THREE_TIER_DECISION };
    trees.push(await timed('three-tier', options.threeTierFrom, write('loadThreeTierTerritory', change, (step) => loadThreeTier(step, data.threeTier))));
  }
  if (options.only !== 'three-tier') {
    const change = { effectiveDate: REORGANIZATION_DATE, reason: REORGANIZATION_REASON, decision: TWO_TIER_DECISION };
    const twoTier = write('loadTwoTierTerritory', change, async (step) => {
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

/** Every province of both lists: the load's audit row concerns the whole country. */
function provincePaths(data: TerritoryData): string[] {
  return [...data.threeTier.units, ...data.twoTier.units].filter((unit) => !unit.path.includes('.')).map((unit) => unit.path);
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
