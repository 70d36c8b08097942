import DataLoader from 'dataloader';
import { groupBy } from '@ps/service-kit';

/** A thing named by `Field` (e.g. a unit `code`, an organization `id`) on a date. */
export type OnDate<Field extends string> = { [K in Field]: string } & { asOf: string };

/**
 * Batches lookups of effective-dated things on dates: one query per distinct date in a batch
 * (a request usually asks about one date), never one per thing. Keys the query does not
 * return resolve to `missing`.
 */
export function datedLoader<Field extends string, V>(
  field: Field,
  load: (keys: string[], asOf: string) => Promise<Map<string, V>>,
  missing: V,
): DataLoader<OnDate<Field>, V, string> {
  const keyOf = (key: OnDate<Field>): string => `${key[field]}@${key.asOf}`;
  return new DataLoader<OnDate<Field>, V, string>(
    async (keys) => {
      const found = new Map<string, V>();
      for (const [asOf, group] of groupBy(keys, (key) => key.asOf)) {
        const byKey = await load([...new Set(group.map((key) => key[field]))], asOf);
        for (const [key, value] of byKey) found.set(`${key}@${asOf}`, value);
      }
      return keys.map((key) => found.get(keyOf(key)) ?? missing);
    },
    { cacheKeyFn: keyOf },
  );
}
