import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

@ObjectType({ description: 'Kết quả xếp loại / a rating' })
@Entity({ name: 'rating' })
export class Rating {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Người hoặc tổ chức được xếp loại / who or what was rated' })
  @Column({ name: 'subject_name', type: 'text' })
  subjectName!: string;

  @Field(() => ID)
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'unit_path', type: 'ltree' })
  unitPath!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year!: number;

  @Field(() => RatingLevel)
  @Column({ type: 'text' })
  level!: RatingLevel;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
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
