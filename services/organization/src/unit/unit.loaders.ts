import type { Principal } from '@ps/auth';
import DataLoader from 'dataloader';
import { groupBy } from '@ps/service-kit';
import type { AdministrativeUnit } from './unit.entity';
import type { UnitService } from './unit.service';

/** A unit code on a date. */
export interface UnitOnDate {
  code: string;
  asOf: string;
}

const keyOf = (key: UnitOnDate): string => `${key.code}@${key.asOf}`;

/**
 * Batches lookups of units on dates: one query per distinct date in a batch (a request
 * usually asks about one date), never one per unit.
 */
function datedLoader<V>(load: (codes: string[], asOf: string) => Promise<Map<string, V>>, missing: V) {
  return new DataLoader<UnitOnDate, V, string>(
    async (keys) => {
      const found = new Map<string, V>();
      for (const [asOf, group] of groupBy(keys, (key) => key.asOf)) {
        const byCode = await load([...new Set(group.map((key) => key.code))], asOf);
        for (const [code, value] of byCode) found.set(keyOf({ code, asOf }), value);
      }
      return keys.map((key) => found.get(keyOf(key)) ?? missing);
    },
    { cacheKeyFn: keyOf },
  );
}

/** Per-request batch loaders over the caller's territory. */
export function unitLoaders(units: UnitService, principal: Principal) {
  return {
    unitOn: datedLoader<AdministrativeUnit | null>((codes, asOf) => units.byCodes(principal, codes, asOf), null),
    childrenOn: datedLoader<AdministrativeUnit[]>((codes, asOf) => units.childrenOf(principal, codes, asOf), []),
  };
}

export type UnitLoaders = ReturnType<typeof unitLoaders>;
