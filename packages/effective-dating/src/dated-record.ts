import { Field, ID, ObjectType } from 'type-graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from './date/local-date.scalar';

/**
 * What every effective-dated record carries: in force from `validFrom` (inclusive) to
 * `validTo` (exclusive, null while current), the reason and decision it started with, who
 * recorded it and when, and, once loaded, the date it answers for.
 */
// Not emitted by itself: only the object types extending it are reachable from a schema.
@ObjectType()
export abstract class DatedRecord {
  @Field(() => LocalDate, { description: 'Hiệu lực từ / in force from' })
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Hết hiệu lực từ / in force until (exclusive)' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Lý do của phiên bản này / reason for this version' })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** The date this version was asked for; related things are read as of the same date. */
  @Field(() => LocalDate, { description: 'Ngày tra cứu / the date this answer is as of' })
  asOf!: string;
}

/**
 * One version of a thing whose identity outlives its versions (an organization, a seat, a
 * person): `id` is stable, `versionId` names the row. A version starts with a reason and a
 * decision; when the thing is closed, the closing's own reason, decision and actor are kept.
 */
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

/** Marks a loaded version with the date it answers for (field resolvers read related things then). */
export function stampAsOf<T extends { asOf: string }>(record: T, asOf: string): T {
  record.asOf = asOf;
  return record;
}

/** Options of every `asOf` argument: optional, today in Vietnam when left out (see `asOfDate`). */
export const AS_OF_ARGUMENT = {
  nullable: true,
  description: 'Ngày tra cứu (mặc định: hôm nay) / as of this date (default: today)',
} as const;

/** The `asOf` argument of a field another service adds to an entity: by default the entity's own date. */
export const ENTITY_AS_OF_ARGUMENT = {
  nullable: true,
  description: 'Ngày tra cứu (mặc định: ngày tra cứu của đơn vị, nếu không thì hôm nay) / as of this date (default: the date the entity was asked as of, else today)',
} as const;
