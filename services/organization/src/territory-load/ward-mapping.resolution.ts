import { foldText } from '@ps/service-kit';
import { Tier } from '../unit/unit.entity';
import { DATA_FILES, type OfficialTree, type OfficialUnit } from './official-tree.parser';
import { fault, type DetailValue, type FaultReason, type TerritoryFault } from './territory-load.faults';
import { bareFolded, type MappingRow } from './ward-mapping.parser';

/** What the parsers read: the 2024 three-tier tree, the 2026 two-tier tree and the mapping rows. */
export interface ReorganizationData {
  threeTier: OfficialTree;
  twoTier: OfficialTree;
  rows: readonly MappingRow[];
}

/** Old commune → new commune as the mapping states it, once per pair, with every row that states it. */
export interface MappingLink {
  /** The new province (2026 code) the rows name. */
  province: string;
  predecessor: string;
  successor: string;
  /** Some row states the old commune by its code (not only by name, as rows for part of a commune do). */
  coded: boolean;
  /** Row indexes, in file order: the first places the link, the others repeat it. */
  rows: number[];
}

/** A row whose code was missing or stale, placed by its name instead (kept so a reviewer can check it). */
export interface NameResolution {
  province: string;
  row: number;
  side: 'OLD' | 'NEW';
  statedCode: string | null;
  resolvedCode: string;
  name: string;
}

/** A row fault with the new province its row names (null: it names none). */
export interface ProvinceFault {
  province: string | null;
  fault: TerritoryFault;
}

export interface ResolvedMapping {
  links: MappingLink[];
  nameResolutions: NameResolution[];
  faults: ProvinceFault[];
}

type Found = { code: string; byName: boolean } | { reason: FaultReason; detail: Record<string, DetailValue> };

const statedCode = (value: string | null): string => (value ?? '').trim();

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/** The official lists, indexed the ways a mapping row can point into them. */
class OfficialDirectory {
  private readonly old: Map<string, OfficialUnit>;
  private readonly current: Map<string, OfficialUnit>;
  private readonly oldByName = new Map<string, string[]>();
  private readonly currentByName = new Map<string, string[]>();
  private readonly provinceByName = new Map<string, string>();
  /** Each name folded once: a province's or district's name is part of the key of every commune under it, and every row names its province. */
  private readonly folded = new Map<string, string>();

  constructor(threeTier: OfficialTree, twoTier: OfficialTree) {
    this.old = new Map(threeTier.units.map((unit) => [unit.code, unit]));
    this.current = new Map(twoTier.units.map((unit) => [unit.code, unit]));
    for (const unit of threeTier.units.filter((u) => u.tier === Tier.COMMUNE)) {
      const district = this.old.get(unit.parentCode ?? '');
      const province = this.old.get(district?.parentCode ?? '');
      addTo(this.oldByName, this.oldNameKey(province?.name ?? '', district?.name ?? '', unit.name), unit.code);
    }
    for (const unit of twoTier.units) {
      if (unit.tier === Tier.PROVINCE) this.provinceByName.set(bareFolded(this.fold(unit.name)), unit.code);
      else addTo(this.currentByName, `${unit.parentCode}|${this.fold(unit.name)}`, unit.code);
    }
  }

  private fold(name: string): string {
    let folded = this.folded.get(name);
    if (folded === undefined) {
      folded = foldText(name);
      this.folded.set(name, folded);
    }
    return folded;
  }

  private oldNameKey(province: string, district: string, commune: string): string {
    return `${this.fold(province)}|${this.fold(district)}|${this.fold(commune)}`;
  }

  /** The 2026 province the row names ("Khánh Hòa" is "Tỉnh Khánh Hoà"), or its new code's province when it names none. */
  newProvince(row: MappingRow): string | null {
    if (row.new_province_name) return this.provinceByName.get(bareFolded(this.fold(row.new_province_name))) ?? null;
    return this.current.get(statedCode(row.new_ward_code))?.parentCode ?? null;
  }

  /** The old commune: by its code, else by exact folded name within the named district of the named province. */
  oldCommune(row: MappingRow): Found {
    const code = statedCode(row.old_ward_code);
    if (code) return this.old.get(code)?.tier === Tier.COMMUNE ? { code, byName: false } : { reason: 'MAPPING_OLD_CODE_UNKNOWN', detail: {} };
    if (!row.old_ward_name?.trim()) return { reason: 'MAPPING_OLD_COMMUNE_UNNAMED', detail: {} };
    const matches = this.oldByName.get(this.oldNameKey(row.old_province_name ?? '', row.old_district_name ?? '', row.old_ward_name)) ?? [];
    if (matches.length === 1) return { code: matches[0], byName: true };
    return { reason: matches.length ? 'MAPPING_OLD_NAME_AMBIGUOUS' : 'MAPPING_OLD_NAME_NOT_FOUND', detail: { oldNameMatches: matches } };
  }

  /** The new commune: by its code if that is a commune of the province, else by exact folded name within the province. */
  newCommune(row: MappingRow, province: string): Found {
    const code = statedCode(row.new_ward_code);
    const unit = this.current.get(code);
    if (unit?.tier === Tier.COMMUNE && unit.parentCode === province) return { code, byName: false };
    const matches = this.currentByName.get(`${province}|${this.fold(row.new_ward_name ?? '')}`) ?? [];
    if (matches.length === 1) return { code: matches[0], byName: true };
    const reason = unit?.tier === Tier.COMMUNE ? 'MAPPING_NEW_CODE_IN_OTHER_PROVINCE' : 'MAPPING_NEW_CODE_UNKNOWN';
    return { reason, detail: { newNameMatches: matches, newCodeProvince: unit?.parentCode ?? null } };
  }
}

/**
 * Places every mapping row, in file order, as a link old commune → new commune of the new
 * province it names, or reports it with the first reason that applies. Codes come first; a
 * missing or stale code is replaced only by an exact folded-name match that is unique in the
 * place the row names (the old commune's district and province, the new province), never by
 * a look-alike. A row repeating a link already placed is counted once and reported.
 */
export function resolveMapping(data: ReorganizationData): ResolvedMapping {
  const directory = new OfficialDirectory(data.threeTier, data.twoTier);
  const linkOf = new Map<string, MappingLink>();
  const nameResolutions: NameResolution[] = [];
  const faults: ProvinceFault[] = [];
  data.rows.forEach((row, index) => {
    const oldCode = statedCode(row.old_ward_code) || null;
    const report = (province: string | null, reason: FaultReason, detail: Record<string, DetailValue> = {}): void => {
      faults.push({ province, fault: fault(reason, DATA_FILES.mapping, { ...row, ...detail }, { row: index, code: oldCode }) });
    };
    const province = directory.newProvince(row);
    if (province === null) return report(null, 'MAPPING_NEW_PROVINCE_UNKNOWN');
    const old = directory.oldCommune(row);
    if ('reason' in old) return report(province, old.reason, old.detail);
    const next = directory.newCommune(row, province);
    if ('reason' in next) return report(province, next.reason, next.detail);
    if (old.byName) nameResolutions.push({ province, row: index, side: 'OLD', statedCode: null, resolvedCode: old.code, name: row.old_ward_name ?? '' });
    if (next.byName) {
      nameResolutions.push({ province, row: index, side: 'NEW', statedCode: statedCode(row.new_ward_code) || null, resolvedCode: next.code, name: row.new_ward_name ?? '' });
    }
    const key = `${old.code}>${next.code}`;
    const link = linkOf.get(key);
    if (!link) {
      linkOf.set(key, { province, predecessor: old.code, successor: next.code, coded: !old.byName, rows: [index] });
      return;
    }
    link.rows.push(index);
    link.coded ||= !old.byName;
    report(province, 'MAPPING_DUPLICATE_PAIR', { duplicateOfRow: link.rows[0] });
  });
  return { links: [...linkOf.values()], nameResolutions, faults };
}
