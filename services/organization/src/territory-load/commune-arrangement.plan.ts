import { groupBy } from '@ps/service-kit';
import { DATA_FILES, type OfficialUnit } from './official-tree.parser';
import type { BoundaryAdjustment, CommuneStep, ExpectedCommune, Recorded } from './province-reorganization.steps';
import { fault, type TerritoryFault } from './territory-load.faults';
import type { MappingLink } from './ward-mapping.resolution';

/** One new province's communes, old and new, and the mapping links that lead into it. */
export interface CommuneArrangementInput {
  province: string;
  /** The province's communes in the 2026 two-tier tree. */
  newCommunes: readonly OfficialUnit[];
  /** The communes of the old provinces that form it, in the 2024 three-tier tree. */
  oldCommunes: readonly OfficialUnit[];
  links: readonly MappingLink[];
  /** Old communes some link of any province starts from. */
  linkedAnywhere: ReadonlySet<string>;
  recorded: Recorded;
}

export interface CommuneArrangement {
  steps: CommuneStep[];
  boundaryAdjustments: BoundaryAdjustment[];
  expected: ExpectedCommune[];
  faults: TerritoryFault[];
}

/** Who each new commune comes from, as the links tell it. */
interface Lineage {
  /** New commune → the old communes that go into it whole (it is their one main successor). */
  whole: Map<string, string[]>;
  /** Old commune → its main successors, when it has several (a split). */
  splits: Map<string, string[]>;
  /** Links for part of an old commune going elsewhere than its main successor(s). */
  parts: MappingLink[];
  /** New commune → the split commune whose step creates it (the lowest code among those reaching it). */
  splitCreator: Map<string, string>;
}

const sorted = (codes: Iterable<string>): string[] => [...new Set(codes)].sort();
const rowsOf = (links: readonly MappingLink[]): number[] => links.flatMap((link) => link.rows).sort((a, b) => a - b);

/**
 * An old commune's main successors come from its coded links; a commune only ever named (no
 * coded row) has its named links instead: one is its main successor, several make a split.
 * A named link beside coded ones moves part of the commune: a boundary adjustment.
 */
function communeLineage(links: readonly MappingLink[]): Lineage {
  const lineage: Lineage = { whole: new Map(), splits: new Map(), parts: [], splitCreator: new Map() };
  for (const [predecessor, own] of groupBy(links, (link) => link.predecessor)) {
    const coded = own.filter((link) => link.coded);
    const main = sorted((coded.length ? coded : own).map((link) => link.successor));
    if (coded.length) lineage.parts.push(...own.filter((link) => !link.coded));
    if (main.length === 1) lineage.whole.set(main[0], [...(lineage.whole.get(main[0]) ?? []), predecessor]);
    else lineage.splits.set(predecessor, main);
  }
  for (const [predecessor, successors] of [...lineage.splits].sort(([a], [b]) => a.localeCompare(b))) {
    for (const successor of successors) {
      // A split part joining a commune that whole communes (or an earlier split) already form is a boundary adjustment.
      if (!lineage.whole.has(successor) && !lineage.splitCreator.has(successor)) {
        lineage.splitCreator.set(successor, predecessor);
      } else lineage.parts.push(...links.filter((l) => l.predecessor === predecessor && l.successor === successor));
    }
  }
  return lineage;
}

/** What the step of one new commune is decided from. */
interface ArrangementContext {
  input: CommuneArrangementInput;
  lineage: Lineage;
  linksInto: ReadonlyMap<string, MappingLink[]>;
  oldByCode: ReadonlyMap<string, OfficialUnit>;
  /** Codes in both lists that no row mentions either way: the official lists say they carry on. */
  silent: ReadonlySet<string>;
}

/**
 * One step per new commune (and per split or dissolved old commune): whole predecessors make a
 * MERGE, CONTINUE or REPLACE; a commune only split parts reach is created by a SPLIT; a commune
 * nothing leads to is established. Steps come sorted by code; the recording order is set later.
 */
export function arrangeCommunes(input: CommuneArrangementInput): CommuneArrangement {
  const newCodes = new Set(input.newCommunes.map((unit) => unit.code));
  const linksInto = groupBy(input.links, (link) => link.successor);
  const unlinked = input.oldCommunes.filter((unit) => !input.linkedAnywhere.has(unit.code));
  const context: ArrangementContext = {
    input,
    lineage: communeLineage(input.links),
    linksInto,
    oldByCode: new Map(input.oldCommunes.map((unit) => [unit.code, unit])),
    silent: new Set(unlinked.filter((unit) => newCodes.has(unit.code) && !linksInto.has(unit.code)).map((unit) => unit.code)),
  };
  const dissolved = unlinked.filter((unit) => !context.silent.has(unit.code));
  const steps = [
    ...input.newCommunes.flatMap((unit) => stepFor(unit, context) ?? []),
    ...splitSteps(context),
    ...dissolved.map((unit) => ({ kind: 'DISSOLVE' as const, ...input.recorded, code: unit.code, name: unit.name, rows: [] })),
  ];
  return {
    steps: steps.sort((a, b) => stepKey(a).localeCompare(stepKey(b))),
    boundaryAdjustments: context.lineage.parts
      .map((link) => ({ kind: 'BOUNDARY_ADJUSTMENT' as const, from: link.predecessor, to: link.successor, rows: link.rows, ...input.recorded }))
      .sort((a, b) => a.to.localeCompare(b.to) || a.from.localeCompare(b.from)),
    expected: input.newCommunes.map((unit) => ({
      code: unit.code,
      name: unit.name,
      parentCode: input.province,
      predecessors: sorted([...(linksInto.get(unit.code) ?? []).map((link) => link.predecessor), ...(context.silent.has(unit.code) ? [unit.code] : [])]),
    })),
    faults: arrangementFaults(context, steps, dissolved),
  };
}

function stepFor(unit: OfficialUnit, context: ArrangementContext): CommuneStep | null {
  const base = { parentCode: context.input.province, ...context.input.recorded };
  const successor = { code: unit.code, name: unit.name };
  const whole = sorted(context.lineage.whole.get(unit.code) ?? []);
  const rows = rowsOf((context.linksInto.get(unit.code) ?? []).filter((link) => whole.includes(link.predecessor)));
  if (whole.length >= 2) return { kind: 'MERGE', ...base, rows, successor, predecessors: whole };
  if (whole.length === 1 && whole[0] !== unit.code) return { kind: 'REPLACE', ...base, rows, predecessor: whole[0], successor };
  if (whole.length === 1 || context.silent.has(unit.code)) {
    const previousName = context.oldByCode.get(unit.code)?.name ?? unit.name;
    return { kind: 'CONTINUE', ...base, rows, code: unit.code, name: unit.name, renamed: previousName !== unit.name, previousName };
  }
  if (context.lineage.splitCreator.has(unit.code)) return null;
  return { kind: 'ESTABLISH', ...base, rows: [], successor };
}

function splitSteps({ input, lineage }: ArrangementContext): CommuneStep[] {
  const nameOf = new Map(input.newCommunes.map((unit) => [unit.code, unit.name]));
  return [...lineage.splits.keys()].map((predecessor) => {
    const created = [...lineage.splitCreator].filter(([, creator]) => creator === predecessor).map(([code]) => code).sort();
    const rows = rowsOf(input.links.filter((link) => link.predecessor === predecessor && created.includes(link.successor)));
    const successors = created.map((code) => ({ code, name: nameOf.get(code) ?? code }));
    return { kind: 'SPLIT', parentCode: input.province, ...input.recorded, rows, predecessor, successors };
  });
}

/**
 * What the steps rest on that the mapping does not give: a commune established with no row
 * leading to it, one continuing with no row at all, an old commune ended with no successor.
 */
function arrangementFaults(context: ArrangementContext, steps: readonly CommuneStep[], dissolved: readonly OfficialUnit[]): TerritoryFault[] {
  const faults: TerritoryFault[] = [];
  for (const step of steps) {
    if (step.kind === 'ESTABLISH' && !context.linksInto.has(step.successor.code)) {
      faults.push(fault('COMMUNE_WITHOUT_PREDECESSOR', DATA_FILES.twoTier, { name: step.successor.name, province: step.parentCode }, { code: step.successor.code }));
    }
    if (step.kind === 'CONTINUE' && context.silent.has(step.code)) {
      const detail = { name: step.name, previousName: step.previousName };
      faults.push(fault('COMMUNE_CONTINUES_WITHOUT_MAPPING_ROW', DATA_FILES.mapping, detail, { code: step.code }));
    }
  }
  for (const unit of dissolved) {
    faults.push(fault('CLOSED_WITHOUT_SUCCESSOR', DATA_FILES.threeTier, { name: unit.name, tier: unit.tier, path: unit.path }, { code: unit.code }));
  }
  return faults;
}

/** The code a step is listed under: the new commune it forms, else the old commune it ends. */
export function stepKey(step: CommuneStep): string {
  switch (step.kind) {
    case 'MERGE':
    case 'REPLACE':
    case 'ESTABLISH':
      return step.successor.code;
    case 'CONTINUE':
    case 'DISSOLVE':
      return step.code;
    case 'SPLIT':
      return step.successors[0]?.code ?? step.predecessor;
  }
}
