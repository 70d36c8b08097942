import { BoundaryAdjusted, UnitCreated, UnitDissolved, UnitMoved, UnitSplit, UnitsMerged } from '@ps/contracts';
import type { DatedWrite } from '@ps/effective-dating';
import type { EventContract } from '@ps/events';
import type { LineageLinkRow } from '../lineage/lineage.repository';
import type { Succession } from '../restructure/succession';
import { AdministrativeUnit, Tier } from '../unit/unit.entity';
import { unitSnapshot, type UnitVersionFields } from '../unit/unit.events';
import type { ProvinceReorganizationPlan, Recorded, ReorganizationStep } from './province-reorganization.steps';
import type { VersionOnDate } from './two-tier.loader';
import type { StoredVersion } from './version.plan';
import { groupBy } from '@ps/service-kit';

type Version = UnitVersionFields;
type Item<Payload> = { payload: Payload; place: { aggregateId: string; unitPath: string | null } };

const snapshot = (write: DatedWrite, version: Version) => unitSnapshot(version, write.change.decision);

/** Records events in the write, in the given order (`emitMany` batches the INSERTs); returns how many. */
async function emitAll<Payload>(write: DatedWrite, contract: EventContract<Payload>, items: ReadonlyArray<Item<Payload>>): Promise<number> {
  await write.emitMany(contract, items);
  return items.length;
}

/** UnitCreated for every inserted version, communes before the provinces they sit under are renewed. */
export function announceCreated(write: DatedWrite, versions: readonly Version[]): Promise<number> {
  const order = (version: Version) => (version.tier === Tier.PROVINCE ? 1 : 0);
  return emitAll(
    write,
    UnitCreated,
    [...versions].sort((a, b) => order(a) - order(b)).map((version) => ({ payload: snapshot(write, version), place: { aggregateId: version.code, unitPath: version.path } })),
  );
}

/**
 * The ids of the organizations closed in any of the given units, in closing order: looked up by
 * unit, since a national load closes ~74,000 bodies across ~10,000 steps (a scan per step
 * took 22 s of the replay's load).
 */
function endedIn(closed: Succession['closed']): (codes: readonly string[]) => string[] {
  const positionsByUnit = groupBy([...closed.keys()], (position) => closed[position].unitCode);
  return (codes) => {
    const positions = [...new Set(codes)].flatMap((code) => positionsByUnit.get(code) ?? []);
    return positions.sort((a, b) => a - b).map((position) => closed[position].id);
  };
}

/** What the two-tier load changed, for its events. */
export interface TwoTierChanges {
  plans: readonly ProvinceReorganizationPlan[];
  added: readonly LineageLinkRow[];
  ceased: readonly StoredVersion[];
  inserted: readonly AdministrativeUnit[];
  rehomed: readonly AdministrativeUnit[];
  versionOnDate: VersionOnDate;
  holdings: Succession;
}

/**
 * Announces only what this run changed, each step with the decision it cites: dissolutions,
 * splits, merges, boundary adjustments, moved hamlets, then the new versions, so each code's
 * events stay in time order on its partition.
 */
export async function announceTwoTier(write: DatedWrite, changes: TwoTierChanges): Promise<Record<string, number>> {
  const addedKeys = new Set(changes.added.map((link) => `${link.predecessor}>${link.successor}>${link.kind}`));
  const steps = changes.plans.flatMap((plan) => plan.order.filter((step) => isNew(step, plan.province.code, addedKeys, changes)));
  const ended = endedIn(changes.holdings.closed);
  const facts = (step: Recorded) => ({
    effectiveDate: step.effectiveDate,
    reason: `${step.decision.title}${step.decision.placeholder ? ' (số hiệu chưa rõ, tạm ghi / number not known, placeholder)' : ''}`,
    decision: { number: step.decision.number, date: step.decision.date, signer: step.decision.signer },
  });
  const version = (code: string) => changes.versionOnDate(code) as Version;
  const planned = new Set(changes.plans.flatMap((plan) => plan.order.flatMap(codesOf)));
  const unplanned = changes.ceased.filter((unit) => !planned.has(unit.code) && unit.tier !== Tier.HAMLET);
  return {
    UnitDissolved: await emitAll(write, UnitDissolved, [
      ...steps.flatMap((step) =>
        step.kind === 'DISTRICT_ABOLITION' || step.kind === 'DISSOLVE'
          ? [{ payload: { code: step.code, closed: [], successor: step.kind === 'DISSOLVE' ? null : step.successor, rehomed: [], endedOrganizations: ended([step.code]), ...facts(step) }, place: { aggregateId: step.code, unitPath: null } }]
          : [],
      ),
      ...unplanned.map((unit) => ({
        payload: { code: unit.code, closed: [], successor: null, rehomed: [], endedOrganizations: ended([unit.code]), effectiveDate: write.date, reason: `${write.change.reason}. Không có trong danh mục 2026 / not in the 2026 list`, decision: null },
        place: { aggregateId: unit.code, unitPath: unit.path },
      })),
    ]),
    UnitSplit: await emitAll(write, UnitSplit, steps.flatMap((step) => (step.kind === 'SPLIT'
      ? [{ payload: { predecessor: step.predecessor, successors: step.successors.map((s) => snapshot(write, version(s.code))), rehomed: [], endedOrganizations: ended([step.predecessor]), ...facts(step) }, place: { aggregateId: step.predecessor, unitPath: null } }]
      : []))),
    UnitsMerged: await emitAll(write, UnitsMerged, steps.flatMap((step) => {
      const merged = mergeOf(step);
      return merged ? [{ payload: { predecessors: merged.predecessors, successor: snapshot(write, version(merged.successor)), rehomed: [], endedOrganizations: ended(merged.predecessors), ...facts(step) }, place: { aggregateId: merged.successor, unitPath: version(merged.successor).path } }] : [];
    })),
    BoundaryAdjusted: await emitAll(write, BoundaryAdjusted, steps.flatMap((step) => (step.kind === 'BOUNDARY_ADJUSTMENT'
      ? [{ payload: { from: step.from, to: step.to, area: `Một phần địa bàn theo bảng ánh xạ 2025 (dòng ${step.rows.join(', ')}) / part of the area, mapping rows ${step.rows.join(', ')}`, rehomed: [], ...facts(step) }, place: { aggregateId: step.to, unitPath: version(step.to)?.path ?? null } }]
      : []))),
    UnitMoved: await emitAll(write, UnitMoved, changes.rehomed.map((unit) => ({ payload: { previousParentCode: unit.parentCode, unit: snapshot(write, unit), rehomed: [], effectiveDate: write.date, reason: write.change.reason, decision: null }, place: { aggregateId: unit.code, unitPath: unit.path } }))),
    UnitCreated: await announceCreated(write, changes.inserted),
  };
}

/** A merge step as an event states it: predecessors and successor (a province merger, a commune merge or replacement). */
function mergeOf(step: ReorganizationStep): { predecessors: string[]; successor: string } | null {
  if (step.kind === 'PROVINCE_MERGER') return { predecessors: step.predecessors, successor: step.successor.code };
  if (step.kind === 'MERGE') return { predecessors: step.predecessors, successor: step.successor.code };
  if (step.kind === 'REPLACE') return { predecessors: [step.predecessor], successor: step.successor.code };
  return null;
}

/** The old codes a step ends or continues. */
function codesOf(step: ReorganizationStep): string[] {
  switch (step.kind) {
    case 'PROVINCE_MERGER':
    case 'MERGE':
      return step.predecessors;
    case 'REPLACE':
    case 'SPLIT':
      return [step.predecessor];
    case 'CONTINUE':
    case 'DISSOLVE':
    case 'DISTRICT_ABOLITION':
    case 'PROVINCE_RENAME':
      return [step.code];
    default:
      return [];
  }
}

/** A step this run recorded: its lineage is new, or (a dissolution without lineage) its unit ended in this run. */
function isNew(step: ReorganizationStep, province: string, added: ReadonlySet<string>, changes: TwoTierChanges): boolean {
  const key = (predecessor: string, successor: string, kind: string) => added.has(`${predecessor}>${successor}>${kind}`);
  switch (step.kind) {
    case 'PROVINCE_MERGER':
      return step.predecessors.some((p) => key(p, province, 'MERGE'));
    case 'MERGE':
      return step.predecessors.some((p) => key(p, step.successor.code, 'MERGE'));
    case 'REPLACE':
      return key(step.predecessor, step.successor.code, 'MERGE');
    case 'SPLIT':
      return step.successors.some((s) => key(step.predecessor, s.code, 'SPLIT'));
    case 'BOUNDARY_ADJUSTMENT':
      return key(step.from, step.to, 'ADJUST');
    case 'DISTRICT_ABOLITION':
      return key(step.code, step.successor, 'DISSOLVE');
    case 'DISSOLVE':
      return changes.ceased.some((unit) => unit.code === step.code);
    default:
      return false;
  }
}
