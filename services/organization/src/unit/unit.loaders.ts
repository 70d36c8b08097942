import type { Principal } from '@ps/auth';
import { groupLoader, mapLoader } from '@ps/service-kit';
import type { UnitService } from './unit.service';

/** Per-request batch loaders over the caller's territory. */
export function unitLoaders(units: UnitService, principal: Principal) {
  return {
    unitByCode: mapLoader((codes: readonly string[]) => units.byCodes(principal, codes), null),
    childrenOf: groupLoader((codes: readonly string[]) => units.childrenOf(principal, codes)),
  };
}

export type UnitLoaders = ReturnType<typeof unitLoaders>;
