import DataLoader from 'dataloader';

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
      const byDate = new Map<string, Set<string>>();
      for (const key of keys) byDate.set(key.asOf, (byDate.get(key.asOf) ?? new Set()).add(key[field]));
      const found = new Map<string, V>();
      for (const [asOf, wanted] of byDate) {
        for (const [key, value] of await load([...wanted], asOf)) found.set(`${key}@${asOf}`, value);
      }
      return keys.map((key) => found.get(keyOf(key)) ?? missing);
    },
    { cacheKeyFn: keyOf },
  );
}
