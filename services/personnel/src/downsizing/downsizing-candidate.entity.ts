import { LocalDate } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RatingLevel } from '../rating/rating.kinds';
import { ExclusionFinding } from './downsizing-assessment.type';

/** Where a candidate stands: to be decided on, deferred by an exclusion, or taken back by a later revision of the rating. */
export enum DownsizingCandidateStatus {
  CANDIDATE = 'CANDIDATE',
  EXCLUDED = 'EXCLUDED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(DownsizingCandidateStatus, {
  name: 'DownsizingCandidateStatus',
  description: 'Trạng thái đề xuất tinh giản / status of a downsizing candidate',
  valuesConfig: {
    CANDIDATE: { description: 'Thuộc diện tinh giản, chờ quyết định / to be decided on' },
    EXCLUDED: { description: 'Chưa xem xét tinh giản (có lý do) / deferred by an exclusion, with the reason' },
    WITHDRAWN: { description: 'Đã rút do xếp loại lại / withdrawn by a later revision of the rating' },
  },
});

/** A year's rating a ground counts. */
@ObjectType({ description: 'Xếp loại của một năm / the rating of one year' })
export class RatedYear {
  @Field(() => Int) year!: number;
  @Field(() => RatingLevel) level!: RatingLevel;
}

/**
 * A person meeting a downsizing ground by their ratings, derived from evaluation's
 * `EvaluationFinalized`: one per evaluation and ground, with the exclusions personnel's rules in
 * force on the effective date found for the person's circumstances then. A later revision that
 * no longer meets the ground withdraws it; the row stays, since a decision may cite it.
 */
@ObjectType({ description: 'Đối tượng đề xuất tinh giản từ kết quả đánh giá / a downsizing candidate from a rating' })
@Entity({ name: 'downsizing_candidate' })
export class DownsizingCandidate {
  @Field(() => ID, { description: 'Mã đề xuất, dùng khi quyết định tinh giản / the id a decision cites' })
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field(() => ID, { description: 'Mã kết quả đánh giá / evaluation’s id' })
  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field({ description: 'Họ và tên / full name' })
  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Field(() => ID, { description: 'Đơn vị khi được đánh giá / the unit rated in' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => Int, { description: 'Năm đánh giá / the year rated' })
  @Column({ type: 'int' })
  year!: number;

  @Field({ description: 'Mã căn cứ tinh giản / the ground’s code' })
  @Column({ name: 'ground_code', type: 'text' })
  groundCode!: string;

  @Field(() => String, { nullable: true, description: 'Căn cứ theo quy định có hiệu lực (null: không có vào ngày đó) / the ground in force, null when none' })
  @Column({ name: 'ground_name', type: 'text', nullable: true })
  groundName!: string | null;

  @Field({ description: 'Văn bản, điều khoản của căn cứ / the ground’s source and article' })
  @Column({ name: 'rule_source', type: 'text' })
  ruleSource!: string;

  @Field(() => [RatedYear], { description: 'Các năm xếp loại đáp ứng căn cứ / the ratings that meet the ground' })
  @Column({ type: 'jsonb' })
  ratings!: RatedYear[];

  @Field(() => DownsizingCandidateStatus)
  @Column({ type: 'text' })
  status!: DownsizingCandidateStatus;

  @Field(() => [ExclusionFinding], { description: 'Trường hợp chưa xem xét tinh giản áp dụng cho người này, có lý do / the exclusions that apply, with why' })
  @Column({ type: 'jsonb' })
  exclusions!: ExclusionFinding[];

  @Field(() => Int, { description: 'Lần quyết định xếp loại đã nêu căn cứ / the rating revision that stated the ground' })
  @Column({ type: 'int' })
  revision!: number;

  @Field(() => Int, { nullable: true, description: 'Lần quyết định xếp loại đã rút đề xuất / the revision that withdrew it' })
  @Column({ name: 'withdrawn_by_revision', type: 'int', nullable: true })
  withdrawnByRevision!: number | null;

  @Field(() => LocalDate, { description: 'Ngày hiệu lực của lần quyết định, ngày đối chiếu quy định / effective date of that revision, the date the rules are judged on' })
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;
}
