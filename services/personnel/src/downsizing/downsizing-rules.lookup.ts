import { inForceOn } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { DownsizingRule } from './downsizing.entity';

/** The grounds and exclusions in force on the date. */
export function downsizingRulesOn(manager: EntityManager, date: string): Promise<DownsizingRule[]> {
  return manager.getRepository(DownsizingRule).createQueryBuilder('rule')
    .where(inForceOn('rule', ':date'), { date })
    .orderBy('rule.kind').addOrderBy('rule.code')
    .getMany();
}

/** The kinds of the person's circumstances deferring downsizing that were in force on the date. */
export async function circumstancesOn(manager: EntityManager, personId: string, date: string): Promise<Set<string>> {
  const rows: Array<{ kind: string }> = await manager.query(
    `SELECT DISTINCT kind FROM person_circumstance WHERE person_id = $1 AND ${inForceOn('', '$2')}`,
    [personId, date],
  );
  return new Set(rows.map((row) => row.kind));
}
