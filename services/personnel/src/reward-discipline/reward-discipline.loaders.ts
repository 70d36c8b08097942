import { datedLoader } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import type { Discipline, Reward } from './reward-discipline.entity';
import { disciplinesOf, rewardsOf } from './reward-discipline.service';

/** The first day any record can carry: the history of a person's file up to a date starts here. */
const HISTORY_FROM = '1945-09-02';

function byPerson<T extends { personId: string }>(records: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const record of records) grouped.set(record.personId, [...(grouped.get(record.personId) ?? []), record]);
  return grouped;
}

/**
 * Per-request loaders of the disciplines and rewards of people already answered (so inside the
 * territory), as their file stood on a date: everything started by then. One statement per batch.
 */
export function rewardDisciplineLoaders(dataSource: DataSource) {
  return {
    disciplinesOn: datedLoader<'id', Discipline[]>(
      'id',
      async (ids, asOf) => byPerson(await disciplinesOf(dataSource.manager, ids, { from: HISTORY_FROM, to: asOf })),
      [],
    ),
    rewardsOn: datedLoader<'id', Reward[]>('id', async (ids, asOf) => byPerson(await rewardsOf(dataSource.manager, ids, { from: HISTORY_FROM, to: asOf })), []),
  };
}

export type RewardDisciplineLoaders = ReturnType<typeof rewardDisciplineLoaders>;
