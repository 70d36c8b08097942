import { randomUUID } from 'node:crypto';
import { requireCapability, unitSubject, type GuardedUnit, type Principal } from '@ps/auth';
import { RatingRecorded } from '@ps/contracts';
import { inForceOn, insertVersion, stampAsOf, writeDated, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { Rating, ratingSnapshot, type RatingLevel } from './rating.entity';
import type { RecordRatingInput } from './rating.inputs';
import { checkRatedYear, subjectNameOf } from './rating.rules';
import type { RatingCount } from './rating.summary';

export class RatingService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Ratings in force on `asOf`, counted per year and level, of each unit in force that day
   * inside the caller's territory then, in one query; other units are left out.
   */
  async counts(principal: Principal, unitCodes: readonly string[], asOf: string): Promise<Map<string, RatingCount[]>> {
    const rows = await territoryGuard
      .unitsOn(this.dataSource.manager, principal, unitCodes, asOf)
      .select('unit.code', 'code')
      .addSelect('rating.year', 'year')
      .addSelect('rating.level', 'level')
      .addSelect('count(rating.version_id)::int', 'count')
      .leftJoin(Rating, 'rating', `rating.unit_code = unit.code AND ${inForceOn('rating', ':asOf')}`, { asOf })
      .groupBy('unit.code')
      .addGroupBy('rating.year')
      .addGroupBy('rating.level')
      .getRawMany<{ code: string; year: number | null; level: RatingLevel | null; count: number }>();
    const counts = new Map<string, RatingCount[]>();
    for (const { code, year, level, count } of rows) {
      const ofUnit = counts.get(code) ?? [];
      // a unit without ratings joins none: seen, with nothing to count
      if (year !== null && level !== null) ofUnit.push({ year, level, count });
      counts.set(code, ofUnit);
    }
    return counts;
  }

  /** Records a rating, in force from the effective date of the decision that recorded it (officers). */
  async record(principal: Principal, input: RecordRatingInput): Promise<Rating> {
    requireCapability(principal, 'officer');
    const subjectName = subjectNameOf(input.subjectName);
    const year = checkRatedYear(input.year, input.change.effectiveDate);
    return writeDated(this.dataSource, { actor: principal, operation: 'recordRating', change: input.change }, async (write) => {
      const unit = await territoryGuard.unitWithin(write.manager, principal, input.unitCode, write.date);
      const rating = await insertVersion(write, Rating, { id: randomUUID(), subjectName, unitCode: unit.code, year, level: input.level });
      about(write, rating, unit).after(ratingSnapshot(rating));
      await write.emit(
        RatingRecorded,
        { ratingId: rating.id, subjectName, unitCode: unit.code, year, level: rating.level, ...write.facts },
        { aggregateId: rating.id, unitPath: unit.path },
      );
      return stampAsOf(rating, write.date);
    });
  }
}

/** "Xếp loại năm 2024: Lê Thị Hoa – Xã An Lập (25801)": how the audit trail names a rating. */
export function ratingLabel(rating: Pick<Rating, 'subjectName' | 'year'>, unit: Pick<GuardedUnit, 'name' | 'code'>): string {
  return `Xếp loại năm ${rating.year}: ${rating.subjectName} – ${unitSubject(unit.code).label(unit)}`;
}

function about(write: DatedWrite, rating: Rating, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'Rating', id: rating.id, label: ratingLabel(rating, unit), unitCode: unit.code, unitPaths: [unit.path] });
}
