import { inForceOn } from '@ps/effective-dating';
import type { DataSource, EntityManager } from 'typeorm';
import { Title, type Tier } from './title.entity';
import { TitleNotFoundError } from './title.errors';

/** Reads of the title catalogue: public rule data, the same for every caller. */
export class TitleCatalogue {
  constructor(private readonly dataSource: DataSource) {}

  /** The titles in force on the date, optionally of one tier, by tier and name. */
  inForce(date: string, tier: Tier | null): Promise<Title[]> {
    const query = this.dataSource
      .getRepository(Title)
      .createQueryBuilder('title')
      .where(inForceOn('title', ':date'), { date })
      .orderBy('title.tier')
      .addOrderBy('title.code');
    if (tier) query.andWhere('title.tier = :tier', { tier });
    return query.getMany();
  }
}

/** The title in force on the date, or a NOT_FOUND naming the code; inside a write's transaction. */
export async function titleOn(manager: EntityManager, code: string, date: string): Promise<Title> {
  const title = await manager
    .getRepository(Title)
    .createQueryBuilder('title')
    .where('title.code = :code', { code })
    .andWhere(inForceOn('title', ':date'), { date })
    .getOne();
  if (!title) throw new TitleNotFoundError(code, date);
  return title;
}
