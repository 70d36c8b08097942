import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';

/**
 * What every effective-dated record of this service carries: in force from `validFrom`
 * (inclusive) to `validTo` (exclusive, null while current), the reason and decision it started
 * with, who recorded it and when, and, once loaded, the date it answers for.
 */
// Not emitted by itself: only the object types extending it are reachable from the schema.
@ObjectType()
export abstract class DatedRecord {
  @Field(() => GraphQLLocalDate, { description: 'Hiệu lực từ / in force from' })
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Hết hiệu lực từ / in force until (exclusive)' })
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
  @Field(() => GraphQLLocalDate, { description: 'Ngày tra cứu / the date this answer is as of' })
  asOf!: string;
}
