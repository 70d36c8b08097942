import { groupBy } from '@ps/service-kit';
import { endHoldingsOf } from '../restructure/holdings';
import { Tier } from '../unit/unit.entity';
import { byCode, provinceOf, type OfficialTree, type OfficialUnit } from './official-tree.parser';
import { planLineage, provincePairs, restructurings, type PlannedLineage } from './reorganization.plan';
import {
  announceCreated,
  announceDissolved,
  announceMerges,
  announceSplits,
  type EndedOrganizations,
  type Reorganization,
  type VersionLookup,
} from './territory-load.events';
import { fault, type TerritoryFault } from './territory-load.faults';
import { tierCounts } from './territory-load.report';
import type { LoadStep, TreeChanges } from './three-tier.loader';
import {
  closeVersions,
  insertLineage,
  insertVersions,
  lockTerritory,
  openHamletsUnder,
  readVersions,
  TERRITORY_LOAD_ACTOR,
} from './unit-version.repository';
import { planClosures, planVersions, versionOn, type NewVersion, type StoredVersion } from './version.plan';
import type { LineagePair } from './ward-mapping.parser';
import { InvariantViolation } from '@ps/errors';

/** The two-tier system holds from 1 July 2025 (Resolution 202/2025/QH15: district tier abolished). */
export const REORGANIZATION_DATE = '2025-07-01';

export const REORGANIZATION: Reorganization = {
  effectiveDate: REORGANIZATION_DATE,
  reason:
    'Sắp xếp đơn vị hành chính 2025, không tổ chức cấp huyện (Nghị quyết 202/2025/QH15) / ' +
    '2025 reorganization, district tier abolished (Resolution 202/2025/QH15)',
};

const LINEAGE_REASON =
  'Sắp xếp đơn vị hành chính cấp xã, cấp tỉnh 2025 (bảng ánh xạ ward-mapping-2025) / ' +
  '2025 commune and province rearrangement (ward-mapping-2025)';

// A unit that ceased with no successor the data could place: the event must not claim there was none.
const NO_SUCCESSOR =
  'Chưa xác định được đơn vị kế thừa từ bảng ánh xạ (xem báo cáo nạp) / ' +
  'no successor could be placed from the mapping (see the load report)';

export interface TwoTierInput {
  threeTier: OfficialTree;
  twoTier: OfficialTree;
  /** Placeable old commune → new commune pairs of the mapping. */
  communePairs: LineagePair[];
}

/** Commune lineage from the mapping, province lineage through it. */
export function reorganizationLineage(input: TwoTierInput): { lineage: PlannedLineage[]; provincePairs: LineagePair[] } {
  const provinces = provincePairs(input.communePairs, provinceOf(input.threeTier), provinceOf(input.twoTier));
  return {
    lineage: [...planLineage(input.communePairs, Tier.COMMUNE), ...planLineage(provinces, Tier.PROVINCE)],
    provincePairs: provinces,
  };
}

/**
 * The 2026 two-tier list from 1 July 2025 in one transaction: versions that do not carry on
 * unchanged end that day (with the organizations and quotas of units that cease), the 2026
 * versions begin, lineage is recorded, and the changes are announced (UnitDissolved,
 * UnitSplit, UnitsMerged, then UnitCreated, so each code's events stay in time order on its
 * partition). A second run finds nothing to do and announces nothing.
 */
export async function loadTwoTier(step: LoadStep, input: TwoTierInput): Promise<{ changes: TreeChanges; faults: TerritoryFault[] }> {
  await lockTerritory(step.manager);
  const versions = await replaceVersions(step, input.twoTier);
  const { lineage, provincePairs: provinces } = reorganizationLineage(input);
  const added = await insertLineage(step.manager, lineage, REORGANIZATION_DATE, LINEAGE_REASON);
  step.logger.info({ tree: 'two-tier', lineageAdded: added.length, lineagePresent: lineage.length - added.length }, 'two-tier: lineage recorded');

  const succeeded = new Set([...input.communePairs, ...provinces].map((pair) => pair.predecessor));
  const dissolved = versions.closing.filter((version) => !versions.target.has(version.code) && !succeeded.has(version.code));
  const lookup = versionLookup(versions.stored, versions.insert);
  const events = await announce(step, {
    lineage,
    added,
    dissolved,
    insert: versions.insert,
    lookup,
    endedOrganizations: versions.endedOrganizations,
  });
  step.logger.info({ tree: 'two-tier', ...events }, 'two-tier: events recorded');
  return {
    changes: {
      inserted: tierCounts(versions.insert),
      alreadyPresent: tierCounts(versions.present),
      closed: tierCounts(versions.closing),
      organizationsEnded: versions.organizationsEnded,
      lineage: lineageCounts(lineage, added),
      events,
      rowsWritten: versions.closing.length + versions.insert.length + added.length,
    },
    faults: [...(await hamletsLeftOpen(step, versions.closing)), ...unlistedClosures(dissolved, input.threeTier)],
  };
}

/** Ends what does not carry on into the 2026 list, then starts the 2026 versions that are missing. */
async function replaceVersions(step: LoadStep, twoTier: OfficialTree) {
  const { manager, logger } = step;
  const stored = await readVersions(manager);
  const target = byCode(twoTier);
  const closing = planClosures([...stored.values()].flat(), target, REORGANIZATION_DATE);
  await closeVersions(manager, closing.map((version) => version.id), REORGANIZATION_DATE);
  for (const version of closing) version.validTo = REORGANIZATION_DATE;
  // What a unit that ceases holds (organizations, seats, duties, quotas) ends with it, as in RestructureService.
  const ceased = closing.filter((version) => !target.has(version.code)).map((version) => version.code);
  const ended = await endHoldingsOf(manager, ceased, {
    date: REORGANIZATION_DATE,
    reason: REORGANIZATION.reason,
    decisionId: null,
    actor: TERRITORY_LOAD_ACTOR,
  });
  const endedBy = groupBy(ended, (organization) => organization.unitCode);
  const endedOrganizations: EndedOrganizations = (codes) => codes.flatMap((code) => (endedBy.get(code) ?? []).map((o) => o.id));
  const organizationsEnded = ended.length;
  logger.info({ tree: 'two-tier', closed: tierCounts(closing), organizationsEnded }, 'two-tier: versions ended on 2025-07-01');

  const { insert, present } = planVersions(twoTier.units, stored, REORGANIZATION_DATE);
  await insertVersions(manager, insert, REORGANIZATION.reason);
  logger.info({ tree: 'two-tier', inserted: tierCounts(insert), alreadyPresent: tierCounts(present) }, 'two-tier: versions inserted');
  return { stored, target, closing, organizationsEnded, endedOrganizations, insert, present };
}

function lineageCounts(lineage: readonly PlannedLineage[], added: readonly PlannedLineage[]): TreeChanges['lineage'] {
  return {
    added: added.length,
    alreadyPresent: lineage.length - added.length,
    merge: added.filter((row) => row.kind === 'MERGE').length,
    split: added.filter((row) => row.kind === 'SPLIT').length,
  };
}

/** Successors as they stand on the reorganization date; predecessors by the version that ended then. */
function versionLookup(stored: ReadonlyMap<string, StoredVersion[]>, inserted: readonly NewVersion[]): VersionLookup {
  const insertedByCode = new Map(inserted.map((version) => [version.code, version]));
  return {
    successor: (code) => {
      const version = insertedByCode.get(code) ?? versionOn(stored.get(code), REORGANIZATION_DATE);
      // Every 2026 unit is covered once the versions are inserted; a miss is a bug, not bad data.
      if (!version) throw new InvariantViolation(`no version of ${code} on ${REORGANIZATION_DATE} after loading`);
      return version;
    },
    predecessorPath: (code) => stored.get(code)?.find((v) => v.validTo === REORGANIZATION_DATE)?.path ?? null,
  };
}

interface Changes {
  lineage: PlannedLineage[];
  added: PlannedLineage[];
  dissolved: StoredVersion[];
  insert: NewVersion[];
  lookup: VersionLookup;
  endedOrganizations: EndedOrganizations;
}

/** Announces only what this run changed: new lineage, versions it closed, versions it inserted. */
async function announce(step: LoadStep, changes: Changes): Promise<Record<string, number>> {
  const addedKeys = new Set(changes.added.map((row) => `${row.predecessor}>${row.successor}`));
  const { merges, splits } = restructurings(changes.lineage);
  const newMerges = merges.filter((m) => m.predecessors.some((p) => addedKeys.has(`${p}>${m.successor}`)));
  const newSplits = splits.filter((s) => s.successors.some((successor) => addedKeys.has(`${s.predecessor}>${successor}`)));
  const tierOrder = (unit: { tier: Tier }) => (unit.tier === Tier.COMMUNE ? 0 : 1);
  const districts = changes.dissolved.filter((version) => version.tier === Tier.DISTRICT);
  const others = changes.dissolved.filter((version) => version.tier !== Tier.DISTRICT);
  const ended = changes.endedOrganizations;
  return {
    UnitDissolved:
      (await announceDissolved(step, districts, REORGANIZATION, ended)) +
      (await announceDissolved(step, others, { ...REORGANIZATION, reason: `${REORGANIZATION.reason}. ${NO_SUCCESSOR}` }, ended)),
    UnitSplit: await announceSplits(step, newSplits, changes.lookup, REORGANIZATION, ended),
    // Communes first, then the provinces they were regrouped into.
    UnitsMerged: await announceMerges(
      step,
      [...newMerges].sort((a, b) => tierOrder(a) - tierOrder(b)),
      changes.lookup,
      REORGANIZATION,
      ended,
    ),
    UnitCreated: await announceCreated(step, [...changes.insert].sort((a, b) => tierOrder(b) - tierOrder(a))),
  };
}

/** Hamlets are in no official list: those under a commune that just closed are reported, not moved. */
async function hamletsLeftOpen(step: LoadStep, closing: readonly StoredVersion[]): Promise<TerritoryFault[]> {
  const communes = closing.filter((version) => version.tier === Tier.COMMUNE).map((version) => version.code);
  const hamlets = await openHamletsUnder(step.manager, communes);
  return hamlets.map((hamlet) =>
    fault('HAMLET_UNDER_CLOSED_UNIT', 'database', { parentCode: hamlet.parentCode, path: hamlet.path }, { code: hamlet.code }),
  );
}

/** Units recorded by hand (not in the 2024 list) that this run closed with no successor. */
function unlistedClosures(dissolved: readonly StoredVersion[], threeTier: OfficialTree): TerritoryFault[] {
  const listed = new Set(threeTier.units.map((unit: OfficialUnit) => unit.code));
  return dissolved
    .filter((version) => version.tier !== Tier.DISTRICT && !listed.has(version.code))
    .map((version) =>
      fault('CLOSED_WITHOUT_SUCCESSOR', 'database', { name: version.name, tier: version.tier, path: version.path }, { code: version.code }),
    );
}
