import { LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC, RewardProposalStatus } from './rating.kinds';

/** A reward proposed for an evaluation rated HTXS; withdrawn, never deleted, when a later revision rates it lower. */
@ObjectType({ description: 'Đề xuất khen thưởng do xếp loại HTXS / a reward proposed for an excellent rating' })
@Entity({ name: 'reward_proposal' })
export class RewardProposal {
  @Field(() => ID)
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

  @Field(() => Int)
  @Column({ type: 'int' })
  year!: number;

  @Field(() => Float, { nullable: true, description: 'Điểm khi được đề xuất / points when proposed' })
  @Column({ type: 'numeric', nullable: true, transformer: NUMERIC })
  points!: number | null;

  @Field({ description: 'Văn bản của bộ quy tắc xếp loại / the rating rule set’s source' })
  @Column({ name: 'rule_source', type: 'text' })
  ruleSource!: string;

  @Field(() => RewardProposalStatus)
  @Column({ type: 'text' })
  status!: RewardProposalStatus;

  @Field(() => Int, { description: 'Lần quyết định đã đề xuất / the revision that proposed it' })
  @Column({ type: 'int' })
  revision!: number;

  @Field(() => Int, { nullable: true, description: 'Lần quyết định đã rút đề xuất / the revision that withdrew it' })
  @Column({ name: 'withdrawn_by_revision', type: 'int', nullable: true })
  withdrawnByRevision!: number | null;

  @Field(() => LocalDate, { description: 'Ngày hiệu lực của lần quyết định / effective date of that revision' })
  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;
}
