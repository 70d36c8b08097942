import { currentTerritoryVersion, requireCapability, TERRITORY_PROJECTION, TerritoryGuard, type Principal } from '@ps/auth';
import { RatingRecorded } from '@ps/contracts';
import { BadUserInputError } from '@ps/errors';
import { todayInVietnam } from '@ps/effective-dating';
import { recordEvent } from '@ps/events';
import type { DataSource } from 'typeorm';
import { Rating, RatingLevel, RatingSummary } from './rating.entity';
import type { RecordRatingInput } from './rating.inputs';

export const territoryGuard = new TerritoryGuard(TERRITORY_PROJECTION);

/** A unit asked for, and the year (null: the latest year it has ratings for). */
export interface SummaryKey {
  unitCode: string;
  year: number | null;
}

const LEVEL_FIELD = {
  [RatingLevel.HTXS]: 'excellent',
  [RatingLevel.HTT]: 'good',
  [RatingLevel.HTNV]: 'completed',
  [RatingLevel.KHTNV]: 'notCompleted',
} as const;

export class RatingService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Rating counts per level for each (unit, year) asked, in one query. Units outside the
   * caller's territory get null; a unit with no ratings that year gets zeros.
   */
  async summaries(principal: Principal, keys: readonly SummaryKey[]): Promise<Map<SummaryKey, RatingSummary | null>> {
    const unitCodes = [...new Set(keys.map((key) => key.unitCode))];
    const query = this.dataSource
      .createQueryBuilder()
      .select('unit.code', 'code')
      .addSelect('rating.year', 'year')
      .addSelect('rating.level', 'level')
      .addSelect('count(rating.id)::int', 'count')
      .from('territory_unit', 'unit')
      .leftJoin(Rating, 'rating', 'rating.unit_code = unit.code')
      .where('unit.code IN (:...unitCodes)', { unitCodes })
      .andWhere(currentTerritoryVersion('unit'))
      .groupBy('unit.code')
      .addGroupBy('rating.year')
      .addGroupBy('rating.level');
    const rows = await territoryGuard
      .apply(query, principal, 'unit.path', todayInVietnam())
      .getRawMany<{ code: string; year: number | null; level: RatingLevel | null; count: number }>();

    const visible = new Set(rows.map((row) => row.code));
    const result = new Map<SummaryKey, RatingSummary | null>();
    for (const key of keys) {
      const ofUnit = rows.filter((row) => row.code === key.unitCode && row.year !== null);
      const year = key.year ?? (ofUnit.length ? Math.max(...ofUnit.map((row) => Number(row.year))) : null);
      if (!visible.has(key.unitCode) || year === null) {
        result.set(key, null);
        continue;
      }
      const summary = Object.assign(new RatingSummary(), { year, excellent: 0, good: 0, completed: 0, notCompleted: 0 });
      for (const row of ofUnit.filter((r) => Number(r.year) === year && r.level)) {
        summary[LEVEL_FIELD[row.level as RatingLevel]] = row.count;
      }
      summary.total = summary.excellent + summary.good + summary.completed + summary.notCompleted;
      result.set(key, summary);
    }
    return result;
  }

  async record(principal: Principal, input: RecordRatingInput): Promise<Rating> {
    requireCapability(principal, 'officer');
    const subjectName = input.subjectName.trim();
    if (subjectName.length === 0) {
      throw new BadUserInputError('Chưa nêu người hoặc tổ chức được xếp loại', 'Subject name is required');
    }
    const latestYear = new Date().getFullYear();
    if (input.year < 1990 || input.year > latestYear) {
      throw new BadUserInputError(`Năm xếp loại phải từ 1990 đến ${latestYear}`, `Year must be 1990–${latestYear}`, {
        year: input.year,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const { path: unitPath } = await territoryGuard.unitWithin(manager, principal, input.unitCode, todayInVietnam());
      const ratings = manager.getRepository(Rating);
      const rating = ratings.create({ ...input, subjectName, unitPath, createdBy: principal.userId });
      await ratings.insert(rating);
      await recordEvent(
        manager,
        RatingRecorded,
        { ratingId: rating.id, subjectName, unitCode: rating.unitCode, year: rating.year, level: rating.level },
        { aggregateId: rating.id, unitPath, actor: principal.userId },
      );
      return rating;
    });
  }
}
