import type { Logger } from '@ps/service-kit';
import type { EntityManager } from 'typeorm';
import type { OfficialTree } from './official-tree.parser';
import { announceCreated } from './territory-load.events';
import { tierCounts, type TreeLoadResult } from './territory-load.report';
import { insertVersions, lockTerritory, readVersions } from './unit-version.repository';
import { planVersions } from './version.plan';

/** One tree's transaction: where it writes, where it logs, the run's correlation id for its events. */
export interface LoadStep {
  manager: EntityManager;
  logger: Logger;
  correlationId: string;
}

/** What a tree's transaction changed (timing is added by the caller). */
export type TreeChanges = Omit<TreeLoadResult, 'tree' | 'validFrom' | 'seconds' | 'rowsPerSecond'>;

export const NO_LINEAGE = { added: 0, alreadyPresent: 0, merge: 0, split: 0 };

export const threeTierReason = (from: string): string =>
  `Danh mục đơn vị hành chính 2024 (ba cấp), coi là có hiệu lực từ ${from} / ` +
  `official 2024 three-tier list, taken to hold from ${from}`;

/**
 * The 2024 three-tier list as it stood on `from` (the date the snapshot is taken to hold from,
 * not the units' establishment): a version [from, …) for each unit that has none covering that
 * day, announced by UnitCreated. Units already covered (the demo seed's 1997/1999 versions)
 * are left as they are.
 */
export async function loadThreeTier(step: LoadStep, tree: OfficialTree, from: string): Promise<TreeChanges> {
  const { manager, logger } = step;
  await lockTerritory(manager);
  const stored = await readVersions(manager);
  const { insert, present } = planVersions(tree.units, stored, from);
  logger.info({ tree: 'three-tier', toInsert: tierCounts(insert), alreadyPresent: tierCounts(present) }, 'three-tier: planned');
  await insertVersions(manager, insert, threeTierReason(from));
  logger.info({ tree: 'three-tier', inserted: insert.length }, 'three-tier: versions inserted');
  const created = await announceCreated(step, insert);
  logger.info({ tree: 'three-tier', UnitCreated: created }, 'three-tier: events recorded');
  return {
    inserted: tierCounts(insert),
    alreadyPresent: tierCounts(present),
    closed: tierCounts([]),
    organizationsEnded: 0,
    lineage: NO_LINEAGE,
    events: { UnitCreated: created },
    rowsWritten: insert.length,
  };
}
