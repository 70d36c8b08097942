import { foldText } from '@ps/service-kit';
import { z } from 'zod';
import { Tier } from '../unit/unit.entity';
import { DATA_FILES, readDataFile, type OfficialTree } from './official-tree.parser';

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

const code = (value: string | null): string => (value ?? '').trim();

/** A province's or commune's name without its kind ("Tỉnh Khánh Hoà" → "khanh hoa"), from its folded form. */
export const bareFolded = (folded: string): string => folded.replace(/^(tinh|thanh pho|xa|phuong|thi tran|dac khu) /, '');

export const bareName = (name: string): string => bareFolded(foldText(name));

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
