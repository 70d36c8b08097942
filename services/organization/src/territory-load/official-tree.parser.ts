import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { THREE_TIER_FILE } from '../seed/demo-territory';
import { Tier } from '../unit/unit.entity';
import { TerritoryDataFileError } from './territory-load.errors';
import { fault, type FaultReason, type FaultSource, type TerritoryFault } from './territory-load.faults';

/** data/vn-admin-units, shipped with the service (see its README for sources and faults). */
export const TERRITORY_DATA_DIR = dirname(THREE_TIER_FILE);

export const DATA_FILES = {
  threeTier: 'units-2024-three-tier.json',
  twoTier: 'units-2026-two-tier.json',
  mapping: 'ward-mapping-2025.json',
} as const;

const named = { Code: z.string(), FullName: z.string() };
const threeTierSchema = z.array(
  z.object({
    ...named,
    District: z.array(
      z.object({
        ...named,
        ProvinceCode: z.string(),
        Ward: z.array(z.object({ ...named, DistrictCode: z.string() })).nullable(),
      }),
    ),
  }),
);
const twoTierSchema = z.array(z.object({ ...named, Wards: z.array(z.object({ ...named, ProvinceCode: z.string() })) }));

export type ThreeTierFile = z.infer<typeof threeTierSchema>;
export type TwoTierFile = z.infer<typeof twoTierSchema>;

/** One unit of an official list, placed in its tree. */
export interface OfficialUnit {
  code: string;
  name: string;
  tier: Tier;
  parentCode: string | null;
  path: string;
}

/** The units of one list that could be placed, and the rows that could not. */
export interface OfficialTree {
  units: OfficialUnit[];
  faults: TerritoryFault[];
}

/** Reads a JSON data file and checks its shape; a file that is not as described stops the load. */
export function readDataFile<T>(dataDir: string, file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
  } catch (error) {
    throw new TerritoryDataFileError(file, error instanceof Error ? error.message : String(error));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TerritoryDataFileError(file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export const readThreeTierFile = (dataDir: string) => readDataFile(dataDir, DATA_FILES.threeTier, threeTierSchema);
export const readTwoTierFile = (dataDir: string) => readDataFile(dataDir, DATA_FILES.twoTier, twoTierSchema);

/** Official code length per tier (GSO: province 2 digits, district 3, commune 5). */
const CODE_FORMAT: Record<Tier, RegExp> = {
  [Tier.PROVINCE]: /^[0-9]{2}$/,
  [Tier.DISTRICT]: /^[0-9]{3}$/,
  [Tier.COMMUNE]: /^[0-9]{5}$/,
  [Tier.HAMLET]: /^[0-9]{5}_[0-9A-Za-z]+$/,
};

interface ListEntry {
  Code: string;
  FullName: string;
}

/** Places the entries of one list under their parents, skipping (and reporting) what cannot be placed. */
class OfficialListBuilder {
  private readonly units = new Map<string, OfficialUnit>();
  readonly faults: TerritoryFault[] = [];

  constructor(private readonly source: FaultSource) {}

  /** `parent` undefined: the parent itself was not placed. `statedParent`: the parent code the row names. */
  add(entry: ListEntry, tier: Tier, parent: OfficialUnit | null | undefined, statedParent?: string): OfficialUnit | undefined {
    const code = entry.Code.trim();
    const name = entry.FullName.trim();
    const reject = (reason: FaultReason, extra: Record<string, string | null> = {}) => {
      this.note(reason, code, { name, tier, ...extra });
      return undefined;
    };
    if (parent === undefined) return reject('TREE_PARENT_NOT_PLACED');
    if (!CODE_FORMAT[tier].test(code)) return reject('TREE_INVALID_CODE');
    if (name.length === 0) return reject('TREE_BLANK_NAME');
    if (parent && statedParent !== undefined && statedParent !== parent.code) {
      return reject('TREE_PARENT_MISMATCH', { statedParent, containingParent: parent.code });
    }
    if (this.units.has(code)) return reject('TREE_DUPLICATE_CODE', { firstName: this.units.get(code)?.name ?? null });
    const unit = { code, name, tier, parentCode: parent?.code ?? null, path: parent ? `${parent.path}.${code}` : code };
    this.units.set(code, unit);
    return unit;
  }

  note(reason: FaultReason, code: string, detail: Record<string, string | null>): void {
    this.faults.push(fault(reason, this.source, detail, { code }));
  }

  result(): OfficialTree {
    return { units: [...this.units.values()], faults: this.faults };
  }
}

/** The 2024 three-tier list: province → district → commune. */
export function threeTierTree(provinces: ThreeTierFile): OfficialTree {
  const list = new OfficialListBuilder(DATA_FILES.threeTier);
  for (const province of provinces) {
    const provinceUnit = list.add(province, Tier.PROVINCE, null);
    for (const district of province.District) {
      const districtUnit = list.add(district, Tier.DISTRICT, provinceUnit, district.ProvinceCode);
      if (district.Ward === null && districtUnit) {
        list.note('TREE_DISTRICT_WITHOUT_COMMUNES', districtUnit.code, { name: districtUnit.name, province: provinceUnit?.code ?? null });
      }
      for (const ward of district.Ward ?? []) list.add(ward, Tier.COMMUNE, districtUnit, ward.DistrictCode);
    }
  }
  return list.result();
}

/** The 2026 two-tier list: province → commune (no district tier after 1 July 2025). */
export function twoTierTree(provinces: TwoTierFile): OfficialTree {
  const list = new OfficialListBuilder(DATA_FILES.twoTier);
  for (const province of provinces) {
    const provinceUnit = list.add(province, Tier.PROVINCE, null);
    for (const ward of province.Wards) list.add(ward, Tier.COMMUNE, provinceUnit, ward.ProvinceCode);
  }
  return list.result();
}

/** Units of a tree by code. */
export function byCode(tree: OfficialTree): Map<string, OfficialUnit> {
  return new Map(tree.units.map((unit) => [unit.code, unit]));
}

/** The province code each unit of a tree lies in (the first label of its path). */
export function provinceOf(tree: OfficialTree): Map<string, string> {
  return new Map(tree.units.map((unit) => [unit.code, unit.path.split('.')[0]]));
}
