import { LineageKind } from '../lineage/lineage.entity';
import type { LineageLinkRow } from '../lineage/lineage.repository';
import type { ProvinceReorganizationPlan, ReorganizationStep } from './province-reorganization.steps';
import type { CitedDecision } from './reorganization.decisions';

/** A lineage link with the decision its step cites. */
export interface PlannedLink extends LineageLinkRow {
  decision: CitedDecision;
}

/** Every lineage link the 2025 plans state: merges, moves and renames, splits, boundary adjustments, dissolutions. */
export function lineageOf(plans: readonly ProvinceReorganizationPlan[]): PlannedLink[] {
  return plans.flatMap((plan) => plan.order.flatMap((step) => linksOf(step, plan.province.code)));
}

function linksOf(step: ReorganizationStep, province: string): PlannedLink[] {
  const link = (predecessor: string, successor: string, kind: LineageKind): PlannedLink => ({ predecessor, successor, kind, decision: step.decision });
  switch (step.kind) {
    case 'PROVINCE_MERGER':
      return step.predecessors.map((predecessor) => link(predecessor, province, LineageKind.MERGE));
    case 'PROVINCE_RENAME':
      return [link(step.code, step.code, LineageKind.RENAME)];
    case 'MERGE':
      return step.predecessors.map((predecessor) => link(predecessor, step.successor.code, LineageKind.MERGE));
    case 'REPLACE':
      return [link(step.predecessor, step.successor.code, LineageKind.MERGE)];
    case 'SPLIT':
      return step.successors.map((successor) => link(step.predecessor, successor.code, LineageKind.SPLIT));
    case 'CONTINUE':
      return [link(step.code, step.code, LineageKind.MOVE), ...(step.renamed ? [link(step.code, step.code, LineageKind.RENAME)] : [])];
    case 'BOUNDARY_ADJUSTMENT':
      return [link(step.from, step.to, LineageKind.ADJUST)];
    case 'DISTRICT_ABOLITION':
      return [link(step.code, step.successor, LineageKind.DISSOLVE)];
    case 'ESTABLISH':
    case 'DISSOLVE':
      return [];
  }
}

/**
 * The unit that takes over each old unit that ceases: a merger's successor, a split's first
 * successor (what the unit held passes there), the new province for an abolished district.
 */
export function successorsOf(plans: readonly ProvinceReorganizationPlan[]): Map<string, string> {
  const successors = new Map<string, string>();
  for (const plan of plans) {
    for (const predecessor of plan.provinceMerger?.predecessors ?? []) successors.set(predecessor, plan.province.code);
    for (const step of plan.communes) {
      if (step.kind === 'MERGE') for (const predecessor of step.predecessors) successors.set(predecessor, step.successor.code);
      if (step.kind === 'REPLACE') successors.set(step.predecessor, step.successor.code);
      if (step.kind === 'SPLIT' && step.successors.length > 0) successors.set(step.predecessor, step.successors[0].code);
    }
    for (const abolition of plan.districtAbolitions) successors.set(abolition.code, abolition.successor);
  }
  return successors;
}
