import type { Principal } from '@ps/auth';
import type { AdministrativeUnit } from './unit.entity';
import type { UnitService } from './unit.service';
import { type OnDate, datedLoader } from '@ps/effective-dating';

/** A unit code on a date. */
export type UnitOnDate = OnDate<'code'>;

/** Per-request batch loaders over the caller's territory. */
export function unitLoaders(units: UnitService, principal: Principal) {
  return {
    unitOn: datedLoader<'code', AdministrativeUnit | null>('code', (codes, asOf) => units.byCodes(principal, codes, asOf), null),
    childrenOn: datedLoader<'code', AdministrativeUnit[]>('code', (codes, asOf) => units.childrenOf(principal, codes, asOf), []),
  };
}

export type UnitLoaders = ReturnType<typeof unitLoaders>;
