import type { EntityManager } from 'typeorm';
import { dayBefore, inForceOn, notEndedBy } from '../validity';

/** A version another service announced in an event: which thing, from when, until when. */
export interface ProjectedVersion {
  id: string;
  validFrom: string;
  validTo: string | null;
}

/**
 * Stores, in a consumer's projection table (`id`, `valid_from`, `valid_to` and `columns`), the
 * version an event leaves in force: the version in force the day before it starts, if it runs past
 * that start, ends there; a version of the same start (a same-day correction, or the closing of a
 * version) is replaced. Applied with the event's inbox row, a redelivery changes nothing.
 */
export async function storeProjectedVersion(
  manager: EntityManager,
  table: string,
  version: ProjectedVersion,
  columns: Record<string, unknown>,
): Promise<void> {
  await manager.query(
    `UPDATE ${table} SET valid_to = $2 WHERE id = $1 AND ${inForceOn('', '$3::date')} AND ${notEndedBy('', '$2::date')}`,
    [version.id, version.validFrom, dayBefore(version.validFrom)],
  );
  const names = Object.keys(columns);
  await manager.query(
    `INSERT INTO ${table} (id, valid_from, valid_to, ${names.join(', ')})
     VALUES ($1, $2, $3, ${names.map((_, index) => `$${index + 4}`).join(', ')})
     ON CONFLICT (id, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to, ${names.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`,
    [version.id, version.validFrom, version.validTo, ...Object.values(columns)],
  );
}
