import { foldText } from '@ps/service-kit';
import { z } from 'zod';
import { Tier } from '../unit/unit.entity';
import { DATA_FILES, readDataFile, type OfficialTree, type OfficialUnit } from './official-tree.parser';
import { fault, type FaultReason, type TerritoryFault } from './territory-load.faults';

const nullableText = z.string().nullable();
const mappingSchema = z.array(
  z.object({
    old_ward_code: nullableText,
    old_ward_name: nullableText,
    old_district_name: nullableText,
    old_province_name: nullableText,
    new_ward_code: nullableText,
    new_ward_name: nullableText,
    new_province_name: nullableText,
  }),
);

export type MappingRow = z.infer<typeof mappingSchema>[number];

export const readMappingFile = (dataDir: string): MappingRow[] => readDataFile(dataDir, DATA_FILES.mapping, mappingSchema);

/** Old code → new code, as one placeable row of the mapping states it. */
export interface LineagePair {
  predecessor: string;
  successor: string;
}

/** The rows that can be placed as lineage, and every row that cannot, with its reason. */
export interface ClassifiedMapping {
  pairs: LineagePair[];
  faults: TerritoryFault[];
}

/** The official lists the mapping is checked against. */
export interface MappingContext {
  threeTier: ReadonlyMap<string, OfficialUnit>;
  twoTier: ReadonlyMap<string, OfficialUnit>;
}

const code = (value: string | null): string => (value ?? '').trim();

/**
 * Sorts every mapping row into "placeable" (both codes are communes of their lists, first time
 * the pair appears) or a fault, first matching reason wins. Nothing is guessed: a row without
 * an old code is not matched by name, a new code missing from the 2026 list is not replaced by
 * a look-alike (look-alikes are only listed as candidates for a person to check).
 */
export function classifyMapping(rows: readonly MappingRow[], context: MappingContext): ClassifiedMapping {
  const pairs: LineagePair[] = [];
  const faults: TerritoryFault[] = [];
  const firstRowOfPair = new Map<string, number>();
  const candidates = lookAlikes(context.twoTier);
  rows.forEach((row, index) => {
    const predecessor = code(row.old_ward_code);
    const successor = code(row.new_ward_code);
    const pairKey = `${predecessor}>${successor}`;
    const duplicateOfRow = firstRowOfPair.get(pairKey) ?? null;
    if (duplicateOfRow === null) firstRowOfPair.set(pairKey, index);
    const reason = rowFault(predecessor, successor, duplicateOfRow, context);
    if (!reason) {
      pairs.push({ predecessor, successor });
      return;
    }
    const detail = { ...row, duplicateOfRow, newCodeInTwoTier: isCommune(context.twoTier, successor) };
    const lookAlike = reason === 'MAPPING_NEW_CODE_UNKNOWN' ? (candidates.get(lookAlikeKey(row)) ?? []) : [];
    faults.push(fault(reason, DATA_FILES.mapping, lookAlike.length ? { ...detail, lookAlikes: lookAlike } : detail, { row: index, code: predecessor || null }));
  });
  return { pairs, faults };
}

function rowFault(
  predecessor: string,
  successor: string,
  duplicateOfRow: number | null,
  context: MappingContext,
): FaultReason | null {
  if (!predecessor) return 'MAPPING_OLD_CODE_MISSING';
  if (duplicateOfRow !== null) return 'MAPPING_DUPLICATE_PAIR';
  if (!isCommune(context.threeTier, predecessor)) return 'MAPPING_OLD_CODE_UNKNOWN';
  if (!isCommune(context.twoTier, successor)) return 'MAPPING_NEW_CODE_UNKNOWN';
  return null;
}

function isCommune(units: ReadonlyMap<string, OfficialUnit>, unitCode: string): boolean {
  return units.get(unitCode)?.tier === Tier.COMMUNE;
}

/** "Tỉnh Quảng Ninh" and "Quảng Ninh" name the same province; "Xã Ba Chẽ" and "Phường Ba Chẽ" differ only in type. */
const bareName = (name: string): string =>
  foldText(name).replace(/^(tinh|thanh pho|xa|phuong|thi tran|dac khu) /, '');

const lookAlikeKey = (row: MappingRow): string => `${bareName(row.new_province_name ?? '')}|${bareName(row.new_ward_name ?? '')}`;

/** 2026 communes by (province name, commune name), to suggest where a stale new code may point. */
function lookAlikes(twoTier: ReadonlyMap<string, OfficialUnit>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const unit of twoTier.values()) {
    if (unit.tier !== Tier.COMMUNE || !unit.parentCode) continue;
    const key = `${bareName(twoTier.get(unit.parentCode)?.name ?? '')}|${bareName(unit.name)}`;
    found.set(key, [...(found.get(key) ?? []), unit.code]);
  }
  return found;
}

/** The faults the data README announces, counted on the data as shipped (they overlap). */
export interface KnownFaultCounts {
  mappingRows: number;
  rowsWithoutOldCode: number;
  duplicatePairRows: number;
  oldCommunesSplit: number;
  newCodesNotInTwoTier: number;
  rowsWithNewCodeNotInTwoTier: number;
  newCommunesWithoutMappingRow: string[];
  oldCommunesWithoutMappingRow: string[];
  districtsWithoutCommunes: string[];
}

/** Counts the README's fault categories, so the report can set them beside the README's figures. */
export function knownFaultCounts(rows: readonly MappingRow[], threeTier: OfficialTree, twoTier: OfficialTree): KnownFaultCounts {
  const pairs = new Set(rows.map((row) => `${code(row.old_ward_code)}>${code(row.new_ward_code)}`));
  const successorsOf = new Map<string, Set<string>>();
  for (const row of rows.filter((r) => code(r.old_ward_code))) {
    const old = code(row.old_ward_code);
    successorsOf.set(old, (successorsOf.get(old) ?? new Set()).add(code(row.new_ward_code)));
  }
  const twoTierCommunes = new Set(twoTier.units.filter((u) => u.tier === Tier.COMMUNE).map((u) => u.code));
  const newCodes = new Set(rows.map((row) => code(row.new_ward_code)));
  const missingNew = rows.filter((row) => !twoTierCommunes.has(code(row.new_ward_code)));
  const communesOf = (tree: OfficialTree) => tree.units.filter((u) => u.tier === Tier.COMMUNE).map((u) => u.code);
  return {
    mappingRows: rows.length,
    rowsWithoutOldCode: rows.filter((row) => !code(row.old_ward_code)).length,
    duplicatePairRows: rows.length - pairs.size,
    oldCommunesSplit: [...successorsOf.values()].filter((successors) => successors.size > 1).length,
    newCodesNotInTwoTier: new Set(missingNew.map((row) => code(row.new_ward_code))).size,
    rowsWithNewCodeNotInTwoTier: missingNew.length,
    newCommunesWithoutMappingRow: communesOf(twoTier).filter((c) => !newCodes.has(c)),
    oldCommunesWithoutMappingRow: communesOf(threeTier).filter((c) => !successorsOf.has(c)),
    districtsWithoutCommunes: threeTier.faults.filter((f) => f.reason === 'TREE_DISTRICT_WITHOUT_COMMUNES').map((f) => f.code ?? ''),
  };
}
