import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The four rating levels, the same in every regime; an evaluation's decided level is one of them. */
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

@ObjectType({ description: 'Tổng hợp xếp loại trong một năm / ratings of one year counted per level' })
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
