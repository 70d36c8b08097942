import { TERRITORY_PROJECTION } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { DataSource, EntityManager } from 'typeorm';
import { Title, type Tier } from './title.entity';
import { TitleNotFoundError, TitleTierMismatchError } from './title.errors';

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

/** Refuses a title at a unit whose tier (as the territory projection holds it on the date) is not the title's. */
export async function requireTitleTier(manager: EntityManager, title: Pick<Title, 'code' | 'tier'>, unitCode: string, date: string): Promise<void> {
  const [unit]: Array<{ tier: string }> = await manager.query(
    `SELECT tier FROM ${TERRITORY_PROJECTION.table} unit WHERE unit.${TERRITORY_PROJECTION.codeColumn} = $1 AND ${inForceOn('unit', '$2')}`,
    [unitCode, date],
  );
  if (unit?.tier !== title.tier) throw new TitleTierMismatchError(title.code, title.tier, unitCode, unit?.tier ?? null);
}
