import { LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC, RatingLevel, RuleSubject } from './rating.kinds';

/**
 * One evaluation of a person as evaluation finalised it (`EvaluationFinalized`), at its latest
 * revision: the head's decision is revision 1, each upheld appeal a later one that replaces it.
 */
@ObjectType({ description: 'Kết quả xếp loại trong hồ sơ (lần sửa mới nhất) / a rating on the file, at its latest revision' })
@Entity({ name: 'person_rating' })
export class PersonRating {
  @Field(() => ID, { description: 'Mã kết quả đánh giá bên đánh giá / evaluation’s id' })
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field(() => Int, { description: 'Năm đánh giá / the year rated' })
  @Column({ type: 'int' })
  year!: number;

  @Field(() => RuleSubject, { description: 'Xếp loại với tư cách / rated as' })
  @Column({ type: 'text' })
  subject!: RuleSubject;

  @Field(() => RatingLevel)
  @Column({ type: 'text' })
  level!: RatingLevel;

  @Field(() => Float, { nullable: true, description: 'Điểm (null: xếp loại định tính) / points, null for a qualitative rating' })
  @Column({ type: 'numeric', nullable: true, transformer: NUMERIC })
  points!: number | null;

  @Field({ description: 'Bộ quy tắc xếp loại đã áp dụng / the rule set applied' })
  @Column({ name: 'rule_set', type: 'text' })
  ruleSet!: string;

  @Field({ description: 'Văn bản của bộ quy tắc / the rule set’s source document' })
  @Column({ name: 'rule_source', type: 'text' })
  ruleSource!: string;

  @Field(() => Int, { description: 'Lần quyết định: 1 là quyết định của thủ trưởng, sau đó theo khiếu nại / 1 the head’s decision, later ones appeals' })
  @Column({ type: 'int' })
  revision!: number;

  @Field(() => ID, { nullable: true, description: 'Khiếu nại đã thay đổi kết quả / the appeal behind this revision' })
  @Column({ name: 'appeal_id', type: 'uuid', nullable: true })
  appealId!: string | null;

  @Field(() => LocalDate, { description: 'Ngày hiệu lực của lần quyết định này / effective date of this revision' })
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Field(() => ID, { description: 'Đơn vị khi được đánh giá / the unit rated in' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => ID, { description: 'Cơ quan, tổ chức khi được đánh giá / the organization rated in' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Chức danh khi được đánh giá / the title rated in' })
  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;
}
