import { DATA_FILES, type OfficialUnit } from './official-tree.parser';
import type { CommuneStep } from './province-reorganization.steps';
import { fault, type TerritoryFault } from './territory-load.faults';

/** The old communes a step ends. A continuing commune is not ended: it carries on under its code. */
export function endedBy(step: CommuneStep): string[] {
  switch (step.kind) {
    case 'MERGE':
      return step.predecessors;
    case 'REPLACE':
    case 'SPLIT':
      return [step.predecessor];
    case 'DISSOLVE':
      return [step.code];
    case 'CONTINUE':
    case 'ESTABLISH':
      return [];
  }
}

/** The codes a step starts a new unit under. */
export function createdBy(step: CommuneStep): string[] {
  switch (step.kind) {
    case 'MERGE':
    case 'REPLACE':
    case 'ESTABLISH':
      return [step.successor.code];
    case 'SPLIT':
      return step.successors.map((successor) => successor.code);
    case 'CONTINUE':
    case 'DISSOLVE':
      return [];
  }
}

export interface CommuneOrder {
  steps: CommuneStep[];
  faults: TerritoryFault[];
}

/**
 * A step that starts a unit under the code of an old commune it does not itself end (a
 * REPLACE or MERGE onto a neighbour's code) must wait until the step ending that commune is
 * recorded: a code is never in force twice. Steps keep their given order otherwise. A code
 * ended only outside this plan, and steps that wait on each other in a cycle, are reported.
 */
export function orderCommuneSteps(steps: readonly CommuneStep[], oldUnits: ReadonlyMap<string, OfficialUnit>): CommuneOrder {
  const enderOf = new Map(steps.flatMap((step, index) => endedBy(step).map((code) => [code, index] as const)));
  const waitsFor = steps.map(() => new Set<number>());
  const faults: TerritoryFault[] = [];
  steps.forEach((step, index) => {
    const own = new Set(endedBy(step));
    for (const code of createdBy(step).filter((c) => !own.has(c) && oldUnits.has(c))) {
      const ender = enderOf.get(code);
      if (ender !== undefined) waitsFor[index].add(ender);
      else faults.push(fault('REPLAY_CODE_HELD_OUTSIDE_PLAN', DATA_FILES.twoTier, { heldBy: oldUnits.get(code)?.path ?? null }, { code }));
    }
  });
  const order = dependencyOrder(waitsFor);
  const stuck = steps.map((_, index) => index).filter((index) => !order.includes(index));
  for (const index of stuck) {
    const waiting = [...waitsFor[index]].map((ender) => endedBy(steps[ender]).join('+'));
    faults.push(fault('REPLAY_ORDER_CYCLE', DATA_FILES.twoTier, { creates: createdBy(steps[index]), waitsForEndOf: waiting }, { code: createdBy(steps[index])[0] ?? null }));
  }
  return { steps: [...order, ...stuck].map((index) => steps[index]), faults };
}

/** Indexes in dependency order, the lowest ready index first; indexes caught in a cycle are left out. */
function dependencyOrder(waitsFor: readonly ReadonlySet<number>[]): number[] {
  const order: number[] = [];
  const done = new Set<number>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    const ready = waitsFor.findIndex((deps, index) => !done.has(index) && [...deps].every((dep) => done.has(dep)));
    if (ready >= 0) {
      order.push(ready);
      done.add(ready);
      progressed = true;
    }
  }
  return order;
}
