import { EffectiveVersion } from '@ps/effective-dating';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/** Why an assignment ended: the values of the published contract (`ASSIGNMENT_END_REASONS`). */
export enum AssignmentEndReason {
  TERM_ENDED = 'TERM_ENDED',
  TRANSFERRED = 'TRANSFERRED',
  ROTATED = 'ROTATED',
  RETIRED = 'RETIRED',
  DOWNSIZED = 'DOWNSIZED',
  DISMISSED = 'DISMISSED',
  RESIGNED = 'RESIGNED',
  DECEASED = 'DECEASED',
  RESTRUCTURED = 'RESTRUCTURED',
}

registerEnumType(AssignmentEndReason, {
  name: 'AssignmentEndReason',
  description: 'Hết nhiệm kỳ / điều động / luân chuyển / nghỉ hưu / tinh giản / cách chức / xin thôi / từ trần / sắp xếp tổ chức',
});

/**
 * One version of an assignment (bổ nhiệm, phân công): a person holds a title of the catalogue
 * in an organization, on one of its seats or not. A concurrent assignment (kiêm nhiệm) is held
 * beside the person's one primary assignment.
 */
@ObjectType({ description: 'Phân công, bổ nhiệm một người vào chức danh của một tổ chức / an assignment' })
@Entity({ name: 'assignment' })
export class Assignment extends EffectiveVersion {
  @Field(() => ID, { description: 'Người / the person' })
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field(() => ID, { description: 'Tổ chức / the organization' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field({ description: 'Mã chức danh / title code of the catalogue' })
  @Column({ name: 'title_code', type: 'text' })
  titleCode!: string;

  @Field(() => ID, { nullable: true, description: 'Ghế (vị trí) của tổ chức / the organization’s seat' })
  @Column({ name: 'seat_id', type: 'uuid', nullable: true })
  seatId!: string | null;

  @Field({ description: 'Kiêm nhiệm / a concurrent post beside the primary one' })
  @Column({ type: 'boolean' })
  concurrent!: boolean;

  @Field(() => AssignmentEndReason, { nullable: true, description: 'Vì sao chấm dứt (khi đóng) / why it ended' })
  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: AssignmentEndReason | null;
}

/** An assignment version as the audit trail records it. */
export function assignmentSnapshot(assignment: Assignment) {
  const { id, personId, organizationId, titleCode, seatId, concurrent, endReason, validFrom, validTo } = assignment;
  return { id, personId, organizationId, titleCode, seatId, concurrent, endReason, validFrom, validTo };
}
