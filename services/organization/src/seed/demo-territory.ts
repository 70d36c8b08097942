import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnitCreated } from '@ps/contracts';
import { recordEvents } from '@ps/events';
import { foldText } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { AdministrativeUnit, Tier } from '../unit/unit.entity';
import { unitSnapshot } from '../unit/unit.events';
import { InvariantViolation } from '@ps/errors';

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
  // Tỉnh Bình Dương was re-established on 1 Jan 1997; Huyện Dầu Tiếng in 1999 (DOMAIN.md):
  // the district and its communes are dated from the start of that year.
  provinceFrom: '1997-01-01',
  districtFrom: '1999-01-01',
};

/** Tỉnh Bình Dương → Huyện Dầu Tiếng → its 12 communes, from the official list. */
export function demoTerritoryUnits(file = THREE_TIER_FILE): AdministrativeUnit[] {
  const provinces = JSON.parse(readFileSync(file, 'utf8')) as OfficialProvince[];
  const province = provinces.find((p) => p.Code === DEMO_TERRITORY.province);
  const district = province?.District.find((d) => d.Code === DEMO_TERRITORY.district);
  if (!province || !district) throw new InvariantViolation(`demo territory ${DEMO_TERRITORY.district} missing from ${file}`);
  const unit = (code: string, name: string, tier: Tier, parent: string | null, path: string, from: string) =>
    Object.assign(new AdministrativeUnit(), {
      code,
      name,
      searchName: foldText(name),
      tier,
      parentCode: parent,
      path,
      validFrom: from,
      validTo: null,
      reason: 'Dữ liệu mẫu / demo seed',
      decisionId: null,
      createdBy: 'system:seed',
    });
  const districtPath = `${province.Code}.${district.Code}`;
  return [
    unit(province.Code, province.FullName, Tier.PROVINCE, null, province.Code, DEMO_TERRITORY.provinceFrom),
    unit(district.Code, district.FullName, Tier.DISTRICT, province.Code, districtPath, DEMO_TERRITORY.districtFrom),
    ...(district.Ward ?? []).map((ward) =>
      unit(ward.Code, ward.FullName, Tier.COMMUNE, district.Code, `${districtPath}.${ward.Code}`, DEMO_TERRITORY.districtFrom),
    ),
  ];
}

/**
 * Inserts the demo units that are not there yet and announces each with UnitCreated, all in
 * one transaction. Running it again changes nothing. Returns how many units were added.
 */
export async function seedDemoTerritory(dataSource: DataSource): Promise<number> {
  const units = demoTerritoryUnits();
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(AdministrativeUnit);
    const existing = new Set(
      (await repository.find({ select: { code: true } })).map((unit) => unit.code),
    );
    const missing = units.filter((unit) => !existing.has(unit.code));
    if (missing.length === 0) return 0;
    await repository.insert(missing);
    await recordEvents(
      manager,
      UnitCreated,
      missing.map((unit) => ({
        payload: unitSnapshot(unit, null),
        metadata: { aggregateId: unit.code, unitPath: unit.path, actor: 'system:seed' },
      })),
    );
    return missing.length;
  });
}
