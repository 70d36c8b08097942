import { recordDecisions, type DatedWrite } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import type { LineageLinkRow } from '../lineage/lineage.repository';
import { insertLineageEach } from '../lineage/lineage.repository';
import { carryHoldings, type Ceasing } from '../restructure/succession';
import { AdministrativeUnit, Tier } from '../unit/unit.entity';
import { closeUnitVersions, insertUnitVersions, rehomeBelow } from '../unit/unit.versions';
import { byCode, type OfficialTree } from './official-tree.parser';
import type { ProvinceReorganizationPlan } from './province-reorganization.steps';
import { lineageOf, successorsOf, type PlannedLink } from './reorganization.lineage';
import { announceTwoTier } from './territory-load.events';
import { fault, type TerritoryFault } from './territory-load.faults';
import { tierCounts } from './territory-load.report';
import type { LoadStep, TreeChanges } from './three-tier.loader';
import { lockTerritory, openUnlistedUnder, readVersions } from './unit-version.repository';
import { planClosures, planVersions, versionOn, type StoredVersion } from './version.plan';

/** The two-tier system holds from 1 July 2025 (Resolution 202/2025/QH15: district tier abolished). */
export const REORGANIZATION_DATE = '2025-07-01';

export const REORGANIZATION_REASON =
  'Sắp xếp đơn vị hành chính 2025, không tổ chức cấp huyện (Nghị quyết 202/2025/QH15, 203/2025/QH15) / ' +
  '2025 reorganization, district tier abolished (Resolutions 202/2025/QH15, 203/2025/QH15)';

export interface TwoTierInput {
  threeTier: OfficialTree;
  twoTier: OfficialTree;
  plans: readonly ProvinceReorganizationPlan[];
}

/**
 * The 2026 two-tier list from 1 July 2025 in one write, through the owners of each table:
 * versions that do not carry on unchanged end that day and the 2026 versions begin (units'
 * owner); the plans' lineage is recorded with the decision each step cites (lineage's owner);
 * hamlets and other units no list has move to their unit's successor; what ceasing units held
 * passes on or closes by the succession rules (organizations' and quotas' owners). A second
 * run finds nothing to do and announces nothing.
 */
export async function loadTwoTier(step: LoadStep, input: TwoTierInput): Promise<{ changes: TreeChanges; faults: TerritoryFault[] }> {
  const { write, logger } = step;
  await lockTerritory(write.manager);
  const stored = await readVersions(write.manager);
  const target = byCode(input.twoTier);
  const closing = planClosures([...stored.values()].flat(), target, REORGANIZATION_DATE);
  await closeUnitVersions(write.manager, closing.map((version) => version.id), REORGANIZATION_DATE);
  for (const version of closing) version.validTo = REORGANIZATION_DATE;
  const { insert, present } = planVersions(input.twoTier.units, stored, REORGANIZATION_DATE);
  const inserted = await insertUnitVersions(write.manager, insert, auditOf(write));
  logger.info({ tree: 'two-tier', closed: tierCounts(closing), inserted: tierCounts(insert) }, 'two-tier: versions ended and started');

  const added = await recordPlannedLineage(write, lineageOf(input.plans));
  const versionOnDate = versionLookup(stored, inserted);
  const successors = successorsOf(input.plans);
  const ceased = closing.filter((version) => !target.has(version.code));
  const { rehomed, stranded } = await carryUnlisted(write, closing, target, successors, versionOnDate);
  const holdings = await carryHoldings(write, ceasingWithSuccessors(ceased, successors, versionOnDate));
  const events = await announceTwoTier(write, { plans: input.plans, added, ceased, inserted, rehomed, versionOnDate, holdings });
  logger.info({ tree: 'two-tier', lineageAdded: added.length, organizationsEnded: holdings.closed.length, events }, 'two-tier: recorded');
  if (closing.length + inserted.length + added.length === 0) write.unchanged();
  return {
    changes: {
      inserted: tierCounts(insert),
      alreadyPresent: tierCounts(present),
      closed: tierCounts(closing),
      organizationsEnded: holdings.closed.length,
      lineage: lineageCounts(added),
      events,
      rowsWritten: closing.length + insert.length + added.length,
    },
    faults: stranded,
  };
}

/** Records the plans' links, each with the decision its step cites (recorded together); returns the links that were new. */
async function recordPlannedLineage(write: DatedWrite, links: readonly PlannedLink[]): Promise<LineageLinkRow[]> {
  const cited = [...groupBy(links, (link) => link.decision.number).values()].map((group) => group[0].decision);
  const decisions = await recordDecisions(write.manager, write.actor, cited.map(({ number, date, signer, issuer }) => ({ number, date, signer, issuer })));
  const decisionOf = new Map(cited.map((decision, index) => [decision.number, decisions[index].id]));
  return insertLineageEach(write.manager, links.map(({ predecessor, successor, kind, decision }) => ({ predecessor, successor, kind, decisionId: decisionOf.get(decision.number) ?? null })), {
    effectiveDate: REORGANIZATION_DATE,
    reason: REORGANIZATION_REASON,
    createdBy: write.actor.userId,
  });
}

/** The version of a code in force on the reorganization date, as stored or just inserted. */
export type VersionOnDate = (code: string) => AdministrativeUnit | StoredVersion | undefined;

function versionLookup(stored: ReadonlyMap<string, StoredVersion[]>, inserted: readonly AdministrativeUnit[]): VersionOnDate {
  const insertedByCode = new Map(inserted.map((version) => [version.code, version]));
  return (code) => insertedByCode.get(code) ?? versionOn(stored.get(code), REORGANIZATION_DATE);
}

/**
 * Units no list has (hamlets, units recorded by hand) under a version that ended: they move
 * under the same unit's new version, or its successor's; with neither, they are reported.
 */
async function carryUnlisted(
  write: DatedWrite,
  closing: readonly StoredVersion[],
  target: ReadonlyMap<string, unknown>,
  successors: ReadonlyMap<string, string>,
  versionOnDate: VersionOnDate,
): Promise<{ rehomed: AdministrativeUnit[]; stranded: TerritoryFault[] }> {
  const listed = new Set([...target.keys(), ...closing.map((version) => version.code)]);
  const unlisted = await openUnlistedUnder(write.manager, closing.map((version) => version.code), listed);
  const rehomed: AdministrativeUnit[] = [];
  const stranded: TerritoryFault[] = [];
  for (const parentCode of new Set(unlisted.map((unit) => unit.parentCode))) {
    const from = closing.find((version) => version.code === parentCode) as StoredVersion;
    const to = versionOnDate(target.has(parentCode) ? parentCode : (successors.get(parentCode) ?? ''));
    if (!to) {
      for (const unit of unlisted.filter((candidate) => candidate.parentCode === parentCode)) {
        stranded.push(fault('HAMLET_UNDER_CLOSED_UNIT', 'database', { parentCode, path: unit.path }, { code: unit.code }));
      }
      continue;
    }
    rehomed.push(...(await rehomeBelow(write, from, to)));
  }
  return { rehomed, stranded };
}

/** Ceased units with their successors' versions (null when nothing takes over). */
function ceasingWithSuccessors(ceased: readonly StoredVersion[], successors: ReadonlyMap<string, string>, versionOnDate: VersionOnDate): Ceasing[] {
  const asUnit = (version: AdministrativeUnit | StoredVersion) => (version instanceof AdministrativeUnit ? version : Object.assign(new AdministrativeUnit(), version));
  // Many ceasing units share a successor (a province, a merged commune): each successor's unit is made once.
  const successorUnits = new Map<string, AdministrativeUnit | null>();
  const successorOf = (code: string) => {
    if (!successorUnits.has(code)) {
      const version = versionOnDate(code);
      successorUnits.set(code, version ? asUnit(version) : null);
    }
    return successorUnits.get(code) ?? null;
  };
  return ceased
    .filter((version) => version.tier !== Tier.HAMLET)
    .map((version) => ({ unit: asUnit(version), successor: successorOf(successors.get(version.code) ?? '') }));
}

function lineageCounts(added: readonly LineageLinkRow[]): TreeChanges['lineage'] {
  const counts: Record<string, number> = {};
  for (const link of added) counts[link.kind] = (counts[link.kind] ?? 0) + 1;
  return { added: added.length, byKind: counts };
}

function auditOf(write: DatedWrite) {
  return { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId };
}
