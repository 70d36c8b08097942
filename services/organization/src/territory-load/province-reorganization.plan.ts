import { InvariantViolation } from '@ps/errors';
import { groupBy } from '@ps/service-kit';
import { Tier } from '../unit/unit.entity';
import { arrangeCommunes } from './commune-arrangement.plan';
import type { OfficialUnit } from './official-tree.parser';
import type {
  DistrictAbolition,
  NamedUnit,
  ProvinceMerger,
  ProvinceRename,
  ProvinceReorganizationPlan,
  Recorded,
} from './province-reorganization.steps';
import { decisionFor, type ReorganizationAct } from './reorganization.decisions';
import { orderCommuneSteps } from './reorganization-order.plan';
import { UnknownNewProvinceError } from './territory-load.errors';
import { REORGANIZATION_DATE } from './two-tier.loader';
import { resolveMapping, type MappingLink, type ReorganizationData, type ResolvedMapping } from './ward-mapping.resolution';

const provinceOfPath = (unit: OfficialUnit): string => unit.path.split('.')[0];

function recorded(act: ReorganizationAct, province: string): Recorded {
  const decision = decisionFor(act, province, REORGANIZATION_DATE);
  if (!decision) throw new InvariantViolation(`no decision for ${act} in force on ${REORGANIZATION_DATE}`);
  return { decision, effectiveDate: REORGANIZATION_DATE };
}

/** The old provinces whose communes the mapping leads into the new province (itself alone when none do). */
function oldProvincesOf(province: string, predecessors: readonly string[], oldUnits: ReadonlyMap<string, OfficialUnit>): string[] {
  const codes = new Set(predecessors.flatMap((code) => {
    const unit = oldUnits.get(code);
    return unit ? [provinceOfPath(unit)] : [];
  }));
  if (codes.size === 0 && oldUnits.get(province)?.tier === Tier.PROVINCE) codes.add(province);
  return [...codes].sort();
}

/** Several old provinces (or one under another code) form the new one; null when it continues alone under its code. */
function provinceSteps(
  province: NamedUnit,
  oldProvinces: readonly string[],
  oldUnits: ReadonlyMap<string, OfficialUnit>,
): { merger: ProvinceMerger | null; rename: ProvinceRename | null } {
  const decided = recorded('PROVINCE_ARRANGEMENT', province.code);
  if (oldProvinces.length !== 1 || oldProvinces[0] !== province.code) {
    return { merger: { kind: 'PROVINCE_MERGER', ...decided, predecessors: [...oldProvinces], successor: province }, rename: null };
  }
  const previousName = oldUnits.get(province.code)?.name ?? province.name;
  if (previousName === province.name) return { merger: null, rename: null };
  return { merger: null, rename: { kind: 'PROVINCE_RENAME', ...decided, code: province.code, name: province.name, previousName } };
}

function districtAbolitions(province: string, oldProvinces: readonly string[], oldDistricts: readonly OfficialUnit[]): DistrictAbolition[] {
  const decided = recorded('DISTRICT_TIER_ABOLITION', province);
  return oldDistricts
    .filter((unit) => oldProvinces.includes(unit.parentCode ?? ''))
    .map((unit) => ({ kind: 'DISTRICT_ABOLITION' as const, ...decided, code: unit.code, name: unit.name, successor: province }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The resolved mapping and what every province's plan looks up in the whole country, built once
 * for all provinces (34 provinces each scanning 14,000 old units was most of the planning time).
 */
export interface CountryIndex {
  resolved: ResolvedMapping;
  oldUnits: Map<string, OfficialUnit>;
  /** Old communes with their old province, in the order of the data file. */
  oldCommunes: Array<{ unit: OfficialUnit; province: string }>;
  oldDistricts: OfficialUnit[];
  newCommunes: Map<string, OfficialUnit[]>;
  links: Map<string | null, MappingLink[]>;
  linkedAnywhere: Set<string>;
}

function countryIndex(data: ReorganizationData): CountryIndex {
  const resolved = resolveMapping(data);
  return {
    resolved,
    oldUnits: new Map(data.threeTier.units.map((u) => [u.code, u])),
    oldCommunes: data.threeTier.units.filter((u) => u.tier === Tier.COMMUNE).map((unit) => ({ unit, province: provinceOfPath(unit) })),
    oldDistricts: data.threeTier.units.filter((u) => u.tier === Tier.DISTRICT),
    newCommunes: groupBy(data.twoTier.units.filter((u) => u.tier === Tier.COMMUNE), (u) => u.parentCode ?? ''),
    links: groupBy(resolved.links, (link) => link.province),
    linkedAnywhere: new Set(resolved.links.map((link) => link.predecessor)),
  };
}

/**
 * The 2025 reorganization of one new province, from the official data: the province merger,
 * one step per new commune (and per split or dissolved old commune) in an order where every
 * step finds the units it needs, the boundary adjustments, the abolition of every old district,
 * the end state to check against, and every row or unit the plan could not place, with why.
 * `country` lets a caller planning several provinces resolve the mapping and index the data once.
 */
export function planProvinceReorganization(
  data: ReorganizationData,
  newProvinceCode: string,
  country: CountryIndex = countryIndex(data),
): ProvinceReorganizationPlan {
  const unit = data.twoTier.units.find((u) => u.code === newProvinceCode && u.tier === Tier.PROVINCE);
  if (!unit) throw new UnknownNewProvinceError(newProvinceCode);
  const { resolved, oldUnits } = country;
  const province = { code: unit.code, name: unit.name };
  const links = country.links.get(province.code) ?? [];
  const oldProvinces = oldProvincesOf(province.code, links.map((link) => link.predecessor), oldUnits);
  const { merger, rename } = provinceSteps(province, oldProvinces, oldUnits);
  const arrangement = arrangeCommunes({
    province: province.code,
    newCommunes: country.newCommunes.get(province.code) ?? [],
    oldCommunes: country.oldCommunes.filter((old) => oldProvinces.includes(old.province)).map((old) => old.unit),
    links,
    linkedAnywhere: country.linkedAnywhere,
    recorded: recorded('COMMUNE_ARRANGEMENT', province.code),
  });
  const communes = orderCommuneSteps(arrangement.steps, oldUnits);
  const abolitions = districtAbolitions(province.code, oldProvinces, country.oldDistricts);
  return {
    effectiveDate: REORGANIZATION_DATE,
    province,
    provinceMerger: merger,
    provinceRename: rename,
    communes: communes.steps,
    boundaryAdjustments: arrangement.boundaryAdjustments,
    districtAbolitions: abolitions,
    expected: arrangement.expected,
    nameResolutions: resolved.nameResolutions.filter((resolution) => resolution.province === province.code),
    faults: [
      ...resolved.faults.filter((item) => item.province === province.code).map((item) => item.fault),
      ...arrangement.faults,
      ...communes.faults,
    ],
    order: [...(merger ? [merger] : []), ...(rename ? [rename] : []), ...communes.steps, ...arrangement.boundaryAdjustments, ...abolitions],
  };
}

/** Every new province's plan, the mapping resolved once; rows that name no known province are returned apart. */
export function planCountryReorganization(data: ReorganizationData): { plans: ProvinceReorganizationPlan[]; unplaced: ResolvedMapping['faults'] } {
  const country = countryIndex(data);
  const provinces = data.twoTier.units.filter((unit) => unit.tier === Tier.PROVINCE);
  return {
    plans: provinces.map((unit) => planProvinceReorganization(data, unit.code, country)),
    unplaced: country.resolved.faults.filter((item) => item.province === null),
  };
}
