import type { UnitVersion } from '@ps/contracts';
import { type Decision, decisionRefOf } from '@ps/effective-dating';
import type { AdministrativeUnit } from './unit.entity';

/** What a unit version is to its events: its fields and period, without its audit columns. */
export type UnitVersionFields = Pick<AdministrativeUnit, 'code' | 'name' | 'tier' | 'parentCode' | 'path' | 'validFrom' | 'validTo'>;

/** A unit version as the contracts carry it, with the decision that made it. */
export function unitSnapshot(unit: UnitVersionFields, decision: Decision | null): UnitVersion {
  return {
    code: unit.code,
    name: unit.name,
    tier: unit.tier,
    parentCode: unit.parentCode,
    path: unit.path,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    decision: decision ? decisionRefOf(decision) : null,
  };
}
