import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import { PersonRating } from './person-rating.entity';

/** The rating histories of the people asked, newest year first: one statement per batch. */
export async function ratingHistoriesOf(manager: EntityManager, personIds: readonly string[]): Promise<Map<string, PersonRating[]>> {
  const histories = new Map<string, PersonRating[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return histories;
  const ratings = await manager.getRepository(PersonRating).createQueryBuilder('rating')
    .where('rating.person_id IN (:...personIds)', { personIds: [...personIds] })
    .orderBy('rating.year', 'DESC').addOrderBy('rating.subject')
    .getMany();
  for (const rating of ratings) histories.get(rating.personId)?.push(rating);
  return histories;
}

/**
 * Per-request loader of the rating histories of people already answered (so inside the
 * territory). A history is the latest revision of every evaluation, whatever the date asked:
 * an appeal corrects a rating, it does not date a new one.
 */
export function ratingHistoryLoaders(dataSource: DataSource) {
  return {
    ratingHistoryOf: new DataLoader<string, PersonRating[]>(async (ids) => {
      const histories = await ratingHistoriesOf(dataSource.manager, ids);
      return ids.map((id) => histories.get(id) ?? []);
    }),
  };
}

export type RatingHistoryLoaders = ReturnType<typeof ratingHistoryLoaders>;
