import { EffectiveVersion } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/** The four rating levels, the same in every regime. */
export enum RatingLevel {
  HTXS = 'HTXS',
  HTT = 'HTT',
  HTNV = 'HTNV',
  KHTNV = 'KHTNV',
}

registerEnumType(RatingLevel, {
  name: 'RatingLevel',
  description: 'Mức xếp loại / rating level',
  valuesConfig: {
    HTXS: { description: 'Hoàn thành xuất sắc nhiệm vụ / excellent' },
    HTT: { description: 'Hoàn thành tốt nhiệm vụ / good' },
    HTNV: { description: 'Hoàn thành nhiệm vụ / completed' },
    KHTNV: { description: 'Không hoàn thành nhiệm vụ / not completed' },
  },
});

/** A rating of a year, in force from the effective date of the decision that recorded it. */
@ObjectType({ description: 'Kết quả xếp loại / a rating' })
@Entity({ name: 'rating' })
export class Rating extends EffectiveVersion {
  @Field({ description: 'Người hoặc tổ chức được xếp loại / who or what was rated' })
  @Column({ name: 'subject_name', type: 'text' })
  subjectName!: string;

  @Field(() => ID)
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year!: number;

  @Field(() => RatingLevel)
  @Column({ type: 'text' })
  level!: RatingLevel;
}

/** A rating version as the audit trail records it, without internal columns. */
export function ratingSnapshot(rating: Rating) {
  const { id, subjectName, unitCode, year, level, validFrom, validTo } = rating;
  return { id, subjectName, unitCode, year, level, validFrom, validTo };
}

@ObjectType({ description: 'Tổng hợp xếp loại của đơn vị trong một năm / a unit’s ratings in one year' })
export class RatingSummary {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'HTXS' })
  excellent!: number;

  @Field(() => Int, { description: 'HTT' })
  good!: number;

  @Field(() => Int, { description: 'HTNV' })
  completed!: number;

  @Field(() => Int, { description: 'KHTNV' })
  notCompleted!: number;

  @Field(() => Int)
  total!: number;
}
