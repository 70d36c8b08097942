import type { DatedWrite } from '@ps/effective-dating';
import type { Logger } from '@ps/service-kit';
import { insertUnitVersions } from '../unit/unit.versions';
import type { OfficialTree } from './official-tree.parser';
import { announceCreated } from './territory-load.events';
import { tierCounts, type TreeLoadResult } from './territory-load.report';
import { lockTerritory, readVersions } from './unit-version.repository';
import { planVersions } from './version.plan';

/** One tree's write (its transaction, decision, audit row and events) and where it logs. */
export interface LoadStep {
  write: DatedWrite;
  logger: Logger;
}

/** What a tree's write changed (timing is added by the caller). */
export type TreeChanges = Omit<TreeLoadResult, 'tree' | 'validFrom' | 'seconds' | 'rowsPerSecond'>;

export const threeTierReason = (from: string): string =>
  `Danh mục đơn vị hành chính 2024 (ba cấp), coi là có hiệu lực từ ${from} / ` +
  `official 2024 three-tier list, taken to hold from ${from}`;

/**
 * The 2024 three-tier list as it stood on `from` (the date the snapshot is taken to hold from,
 * not the units' establishment): a version [from, …) for each unit that has none covering that
 * day, announced by UnitCreated. Units already covered (the demo seed's 1997/1999 versions)
 * are left as they are.
 */
export async function loadThreeTier(step: LoadStep, tree: OfficialTree): Promise<TreeChanges> {
  const { write, logger } = step;
  await lockTerritory(write.manager);
  const stored = await readVersions(write.manager);
  const { insert, present } = planVersions(tree.units, stored, write.date);
  logger.info({ tree: 'three-tier', toInsert: tierCounts(insert), alreadyPresent: tierCounts(present) }, 'three-tier: planned');
  const inserted = await insertUnitVersions(write.manager, insert, {
    reason: write.change.reason,
    decisionId: write.change.decision.id,
    createdBy: write.actor.userId,
  });
  const created = await announceCreated(write, inserted);
  logger.info({ tree: 'three-tier', inserted: insert.length, UnitCreated: created }, 'three-tier: versions inserted and announced');
  if (inserted.length === 0) write.unchanged();
  return {
    inserted: tierCounts(insert),
    alreadyPresent: tierCounts(present),
    closed: tierCounts([]),
    organizationsEnded: 0,
    lineage: { added: 0, byKind: {} },
    events: { UnitCreated: created },
    rowsWritten: insert.length,
  };
}
