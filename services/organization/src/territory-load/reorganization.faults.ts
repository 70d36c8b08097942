import { Tier } from '../unit/unit.entity';
import { DATA_FILES, type OfficialTree } from './official-tree.parser';
import { fault, type TerritoryFault } from './territory-load.faults';
import type { LineagePair, MappingRow } from './ward-mapping.parser';

/**
 * 2026 communes that no placeable mapping row leads to: they are loaded, with no predecessor.
 * `mappingRows` tells "no row at all" from "only rows that could not be placed".
 */
export function communesWithoutPredecessor(
  twoTier: OfficialTree,
  communePairs: readonly LineagePair[],
  rows: readonly MappingRow[],
): TerritoryFault[] {
  const placed = new Set(communePairs.map((pair) => pair.successor));
  const rowsNaming = new Map<string, number>();
  for (const row of rows) {
    const code = (row.new_ward_code ?? '').trim();
    rowsNaming.set(code, (rowsNaming.get(code) ?? 0) + 1);
  }
  return twoTier.units
    .filter((unit) => unit.tier === Tier.COMMUNE && !placed.has(unit.code))
    .map((unit) =>
      fault(
        'COMMUNE_WITHOUT_PREDECESSOR',
        DATA_FILES.twoTier,
        { name: unit.name, province: unit.parentCode, mappingRows: rowsNaming.get(unit.code) ?? 0 },
        { code: unit.code },
      ),
    );
}

/**
 * 2024 provinces and communes that are gone from the 2026 list and that no placeable row
 * gives a successor: they close on the reorganization date with nothing to follow them.
 * Districts are not listed: the whole tier was abolished, that is no fault of the data.
 */
export function unitsWithoutSuccessor(
  threeTier: OfficialTree,
  twoTier: OfficialTree,
  pairs: readonly LineagePair[],
): TerritoryFault[] {
  const continuing = new Set(twoTier.units.map((unit) => unit.code));
  const succeeded = new Set(pairs.map((pair) => pair.predecessor));
  return threeTier.units
    .filter((unit) => unit.tier !== Tier.DISTRICT && !continuing.has(unit.code) && !succeeded.has(unit.code))
    .map((unit) =>
      fault(
        'CLOSED_WITHOUT_SUCCESSOR',
        DATA_FILES.threeTier,
        { name: unit.name, tier: unit.tier, path: unit.path },
        { code: unit.code },
      ),
    );
}
