import DataLoader from 'dataloader';

/**
 * A per-request DataLoader over a batch query that returns a Map by key: one SQL query per
 * batch of entities, never one per entity. Keys the query does not return resolve to `missing`.
 */
export function mapLoader<K, V, M = null>(
  load: (keys: readonly K[]) => Promise<Map<K, V>>,
  missing: M,
): DataLoader<K, V | M> {
  return new DataLoader<K, V | M>(async (keys) => {
    const found = await load(keys);
    return keys.map((key) => (found.has(key) ? (found.get(key) as V) : missing));
  });
}

/** Like {@link mapLoader} for one-to-many batches: keys with no rows resolve to `[]`. */
export function groupLoader<K, V>(load: (keys: readonly K[]) => Promise<Map<K, V[]>>): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const found = await load(keys);
    return keys.map((key) => found.get(key) ?? []);
  });
}

/** Groups rows into a Map by the key each row names. */
export function groupBy<K, V>(rows: readonly V[], keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** `work` over every item, at most `limit` at a time, answers in the items' order (calls to another server). */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
