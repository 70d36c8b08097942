import { Field, ID, ObjectType } from 'type-graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { DatedRecord } from '../territory/dated-record.entity';

/**
 * One version of an effective-dated thing (organization, seat, duty): valid from `validFrom`
 * (inclusive) to `validTo` (exclusive, null while current). `id` is stable across versions.
 * A version starts with a reason and a decision; when the thing is closed, the closing's own
 * reason, decision and actor are kept beside them.
 */
// Not emitted by itself: only the object types extending it are reachable from the schema.
@ObjectType()
export abstract class EffectiveVersion extends DatedRecord {
  @PrimaryGeneratedColumn('uuid', { name: 'version_id' })
  versionId!: string;

  @Field(() => ID, { description: 'Mã định danh, không đổi qua các phiên bản / stable id across versions' })
  @Column({ type: 'uuid' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Lý do chấm dứt (khi đóng) / why it was closed on validTo' })
  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason!: string | null;

  @Column({ name: 'closed_decision_id', type: 'uuid', nullable: true })
  closedDecisionId!: string | null;

  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

}

/** Marks a loaded version with the date it answers for. */
export function stampVersion<T extends EffectiveVersion>(version: T, asOf: string): T {
  version.asOf = asOf;
  return version;
}
