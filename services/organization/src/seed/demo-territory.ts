import { UnitCreated } from '@ps/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemActor, writeDated, type ChangeFacts } from '@ps/effective-dating';
import { InvariantViolation } from '@ps/errors';
import type { DataSource, EntityManager } from 'typeorm';
import { AdministrativeUnit, Tier } from '../unit/unit.entity';
import { unitSnapshot } from '../unit/unit.events';
import { backdateFirstVersions, insertUnitVersions, type UnitVersionRow } from '../unit/unit.versions';

/** The official 2024 three-tier list, as shipped in data/vn-admin-units (see its README). */
export const THREE_TIER_FILE = join(__dirname, '..', '..', 'data', 'vn-admin-units', 'units-2024-three-tier.json');

interface OfficialUnit {
  Code: string;
  FullName: string;
}
interface OfficialDistrict extends OfficialUnit {
  Ward: OfficialUnit[] | null;
}
interface OfficialProvince extends OfficialUnit {
  District: OfficialDistrict[];
}

/** The seed story's territory and the dates it starts from. */
export const DEMO_TERRITORY = {
  province: '74',
  district: '720',
  /** Thành phố Hồ Chí Minh, which Bình Dương joined on 1 July 2025. */
  city: '79',
  // Tỉnh Bình Dương was re-established on 1 Jan 1997; Huyện Dầu Tiếng in 1999 (DOMAIN.md):
  // the district and its communes are dated from the start of that year.
  provinceFrom: '1997-01-01',
  districtFrom: '1999-01-01',
  cityFrom: '1976-07-02',
};

/** Demo data cites no real document: its decision says so. */
export const DEMO_CHANGE: ChangeFacts = {
  effectiveDate: DEMO_TERRITORY.districtFrom,
  reason: 'Dữ liệu mẫu của câu chuyện Dầu Tiếng / the Dầu Tiếng story’s demo data',
  decision: { number: 'MINH-HOA/DU-LIEU-MAU', date: '1999-01-01', signer: 'Dữ liệu minh họa, không phải văn bản thật / illustrative, not a real document' },
};

/** Thành phố Hồ Chí Minh, Tỉnh Bình Dương → Huyện Dầu Tiếng → its 12 communes, from the official list. */
export function demoTerritoryUnits(file = THREE_TIER_FILE): UnitVersionRow[] {
  const provinces = JSON.parse(readFileSync(file, 'utf8')) as OfficialProvince[];
  const province = provinces.find((p) => p.Code === DEMO_TERRITORY.province);
  const city = provinces.find((p) => p.Code === DEMO_TERRITORY.city);
  const district = province?.District.find((d) => d.Code === DEMO_TERRITORY.district);
  if (!province || !district || !city) throw new InvariantViolation(`demo territory ${DEMO_TERRITORY.district} missing from ${file}`);
  const unit = (code: string, name: string, tier: Tier, parentCode: string | null, path: string, validFrom: string): UnitVersionRow => ({
    code,
    name,
    tier,
    parentCode,
    path,
    validFrom,
    validTo: null,
  });
  const districtPath = `${province.Code}.${district.Code}`;
  return [
    unit(city.Code, city.FullName, Tier.PROVINCE, null, city.Code, DEMO_TERRITORY.cityFrom),
    unit(province.Code, province.FullName, Tier.PROVINCE, null, province.Code, DEMO_TERRITORY.provinceFrom),
    unit(district.Code, district.FullName, Tier.DISTRICT, province.Code, districtPath, DEMO_TERRITORY.districtFrom),
    ...(district.Ward ?? []).map((ward) =>
      unit(ward.Code, ward.FullName, Tier.COMMUNE, district.Code, `${districtPath}.${ward.Code}`, DEMO_TERRITORY.districtFrom),
    ),
  ];
}

/**
 * Records the demo units through the units' owner, in one audited write, whichever ran first
 * of this seed and the national load: a unit not recorded yet is inserted from its demo date;
 * one the load recorded from a later date starts at the demo date instead. Each is announced
 * with UnitCreated. Running it again changes nothing; returns how many units it added or moved.
 */
export async function seedDemoTerritory(dataSource: DataSource): Promise<number> {
  const units = demoTerritoryUnits();
  return writeDated(dataSource, { actor: systemActor('seed'), operation: 'seedDemoTerritory', change: DEMO_CHANGE }, async (write) => {
    write.about({ type: 'Territory', id: DEMO_TERRITORY.district, label: 'Lãnh thổ của câu chuyện Dầu Tiếng / the story’s territory', unitCode: null, unitPaths: units.map((unit) => unit.path) });
    const existing = new Set<string>(
      (await write.manager.query('SELECT DISTINCT code FROM administrative_unit WHERE code = ANY($1::text[])', [units.map((unit) => unit.code)])).map(
        (row: { code: string }) => row.code,
      ),
    );
    const audit = { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId };
    const inserted = await insertUnitVersions(write.manager, units.filter((unit) => !existing.has(unit.code)), audit);
    const backdated = await backdateFirstVersions(write.manager, units.filter((unit) => existing.has(unit.code)));
    const announced = inserted.length > 0 || backdated > 0 ? await firstVersions(write.manager, units.map((unit) => unit.code)) : [];
    await write.emitMany(UnitCreated, announced.map((unit) => ({ payload: unitSnapshot(unit, null), place: { aggregateId: unit.code, unitPath: unit.path } })));
    if (announced.length === 0) write.unchanged();
    write.after({ inserted: inserted.map((unit) => unit.code), backdated });
    return inserted.length + backdated;
  });
}

/** The first recorded version of each code (what UnitCreated announces after a seed). */
function firstVersions(manager: EntityManager, codes: readonly string[]): Promise<AdministrativeUnit[]> {
  return manager
    .getRepository(AdministrativeUnit)
    .createQueryBuilder('unit')
    .distinctOn(['unit.code'])
    .where('unit.code IN (:...codes)', { codes })
    .orderBy('unit.code')
    .addOrderBy('unit.valid_from')
    .getMany();
}
