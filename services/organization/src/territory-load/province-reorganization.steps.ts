import type { CitedDecision } from './reorganization.decisions';
import type { TerritoryFault } from './territory-load.faults';
import type { NameResolution } from './ward-mapping.resolution';

/** A unit as the 2026 two-tier tree names it (its official `FullName`). */
export interface NamedUnit {
  code: string;
  name: string;
}

/** What every step records besides its content: the decision it cites and the day it takes effect. */
export interface Recorded {
  decision: CitedDecision;
  effectiveDate: string;
}

/** Several old provinces form the new one (National Assembly); one old province under another code is a merger of one. */
export interface ProvinceMerger extends Recorded {
  kind: 'PROVINCE_MERGER';
  predecessors: string[];
  successor: NamedUnit;
}

/** A province that continues alone but whose official name is spelt otherwise in 2026 ("Thanh Hóa" → "Thanh Hoá"). */
export interface ProvinceRename extends Recorded {
  kind: 'PROVINCE_RENAME';
  code: string;
  name: string;
  previousName: string;
}

/** Where a commune step goes, and the mapping rows it rests on (repeats included; none when only the official lists support it). */
interface FromRows {
  parentCode: string;
  rows: number[];
}

/** Two or more whole old communes become one new commune (which may keep one predecessor's code). */
export interface CommuneMerge extends Recorded, FromRows {
  kind: 'MERGE';
  successor: NamedUnit;
  predecessors: string[];
}

/** One old commune carries on under its code, moved under the new province, renamed the same day when its name changes. */
export interface CommuneContinuation extends Recorded, FromRows {
  kind: 'CONTINUE';
  code: string;
  name: string;
  renamed: boolean;
  previousName: string;
}

/** One whole old commune becomes one new commune under another code. */
export interface CommuneReplacement extends Recorded, FromRows {
  kind: 'REPLACE';
  predecessor: string;
  successor: NamedUnit;
}

/**
 * An old commune divided among several new ones, none of them its main successor. `successors`
 * are the new communes this step creates; the parts that join a commune another step creates
 * are boundary adjustments.
 */
export interface CommuneSplit extends Recorded, FromRows {
  kind: 'SPLIT';
  predecessor: string;
  successors: NamedUnit[];
}

/** A new commune no usable row leads to (e.g. a special zone made from an island district without communes). */
export interface CommuneEstablishment extends Recorded, FromRows {
  kind: 'ESTABLISH';
  successor: NamedUnit;
}

/** An old commune gone from the 2026 list that no usable row gives a successor: it ends, nothing follows it. */
export interface CommuneDissolution extends Recorded {
  kind: 'DISSOLVE';
  code: string;
  name: string;
  rows: number[];
}

export type CommuneStep =
  | CommuneMerge
  | CommuneContinuation
  | CommuneReplacement
  | CommuneSplit
  | CommuneEstablishment
  | CommuneDissolution;

/** Part of an old commune's area goes to a new commune that is not its main successor (điều chỉnh địa giới). */
export interface BoundaryAdjustment extends Recorded {
  kind: 'BOUNDARY_ADJUSTMENT';
  from: string;
  to: string;
  rows: number[];
}

/** An old district ends; its territory passes to the new province. */
export interface DistrictAbolition extends Recorded {
  kind: 'DISTRICT_ABOLITION';
  code: string;
  name: string;
  successor: string;
}

/** A commune of the end state, as the two-tier tree has it, with every old commune it comes from. */
export interface ExpectedCommune {
  code: string;
  name: string;
  parentCode: string;
  predecessors: string[];
}

export type ReorganizationStep = ProvinceMerger | ProvinceRename | CommuneStep | BoundaryAdjustment | DistrictAbolition;

/** One new province's 2025 reorganization: what to record, in which order, and what must result. */
export interface ProvinceReorganizationPlan {
  effectiveDate: string;
  province: NamedUnit;
  provinceMerger: ProvinceMerger | null;
  provinceRename: ProvinceRename | null;
  /** In recording order. */
  communes: CommuneStep[];
  boundaryAdjustments: BoundaryAdjustment[];
  districtAbolitions: DistrictAbolition[];
  expected: ExpectedCommune[];
  nameResolutions: NameResolution[];
  faults: TerritoryFault[];
  /** Every step above, in the order to record them. */
  order: ReorganizationStep[];
}
