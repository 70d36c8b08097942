import { isInForce } from '@ps/effective-dating';
import { Tier } from '../unit/unit.entity';
import type { OfficialUnit } from './official-tree.parser';

/** A version as recorded in administrative_unit (dates as YYYY-MM-DD; validTo exclusive, null = open). */
export interface StoredVersion extends OfficialUnit {
  id: string;
  validFrom: string;
  validTo: string | null;
}

/** A version the loader will insert. */
export interface NewVersion extends OfficialUnit {
  validFrom: string;
  validTo: string | null;
}

type Span = Pick<StoredVersion, 'validFrom' | 'validTo'>;

/** The version of a code in force on `date`, if any. */
export function versionOn<V extends Span>(versions: readonly V[] | undefined, date: string): V | undefined {
  return versions?.find((version) => isInForce(version, date));
}

/**
 * For each unit of a list: leave it when some version of its code already covers `from`
 * (e.g. the demo seed's 1997 Bình Dương), otherwise a new version from `from`. The new
 * version stays open unless a later version of the code is already recorded; then it ends
 * where that one begins, so the timeline never overlaps.
 */
export function planVersions(
  units: readonly OfficialUnit[],
  stored: ReadonlyMap<string, readonly Span[]>,
  from: string,
): { insert: NewVersion[]; present: OfficialUnit[] } {
  const insert: NewVersion[] = [];
  const present: OfficialUnit[] = [];
  for (const unit of units) {
    const versions = stored.get(unit.code) ?? [];
    if (versionOn(versions, from)) {
      present.push(unit);
      continue;
    }
    const laterStarts = versions.map((version) => version.validFrom).filter((start) => start > from).sort();
    insert.push({ ...unit, validFrom: from, validTo: laterStarts[0] ?? null });
  }
  return { insert, present };
}

/** Same name, tier and place: the version carries on into the new list as it is. */
export function unchanged(version: OfficialUnit, unit: OfficialUnit | undefined): boolean {
  return (
    unit !== undefined &&
    version.name === unit.name &&
    version.tier === unit.tier &&
    version.parentCode === unit.parentCode &&
    version.path === unit.path
  );
}

const LISTED_TIERS: ReadonlySet<Tier> = new Set([Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE]);

/**
 * Still-open versions that began before `date` and do not carry on unchanged into `target`:
 * they end on `date`. Hamlets are in no official list and are left alone.
 */
export function planClosures(
  stored: Iterable<StoredVersion>,
  target: ReadonlyMap<string, OfficialUnit>,
  date: string,
): StoredVersion[] {
  const closing: StoredVersion[] = [];
  for (const version of stored) {
    if (version.validTo !== null || version.validFrom >= date || !LISTED_TIERS.has(version.tier)) continue;
    if (!unchanged(version, target.get(version.code))) closing.push(version);
  }
  return closing;
}
