import { LocalDate } from '@ps/effective-dating';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RatingLevel } from '../rating/rating.entity';

/** A rating-based ground for staff downsizing, in force in its decree's period (see downsizing-trigger.schema). */
@ObjectType({ description: 'Căn cứ tinh giản biên chế theo kết quả xếp loại / a rating-based downsizing ground' })
@Entity({ name: 'downsizing_trigger' })
export class DownsizingTrigger {
  @Field()
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Field(() => LocalDate)
  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => Int, { description: 'Số năm liên tiếp xét, tính cả năm xét / consecutive years considered' })
  @Column({ name: 'window_years', type: 'integer' })
  windowYears!: number;

  @Field(() => [RatingLevel], { description: 'Mỗi mức là xếp loại của một năm khác nhau / each the rating of a different year' })
  @Column({ name: 'required_levels', type: 'text', array: true })
  requiredLevels!: RatingLevel[];

  @Field({ description: 'Chỉ khi cá nhân tự nguyện / only when the person volunteers' })
  @Column({ name: 'needs_volunteering', type: 'boolean' })
  needsVolunteering!: boolean;

  @Field()
  @Column({ name: 'source_document', type: 'text' })
  sourceDocument!: string;

  @Field()
  @Column({ name: 'source_article', type: 'text' })
  sourceArticle!: string;
}
