import { EffectiveVersion } from '@ps/effective-dating';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'Trạng thái kế hoạch / plan status' });

/** One version of a unit's reform plan, in force from the date of the decision that adopted it. */
@ObjectType({ description: 'Kế hoạch thực hiện nghị quyết / a reform plan implementing a resolution' })
@Entity({ name: 'reform_plan' })
export class ReformPlan extends EffectiveVersion {
  @Field({ description: 'Tên kế hoạch / title' })
  @Column({ type: 'text' })
  title!: string;

  @Field({ description: 'Nghị quyết, kết luận được thực hiện / resolution implemented, e.g. "18-NQ/TW"' })
  @Column({ name: 'resolution_ref', type: 'text' })
  resolutionRef!: string;

  @Field(() => ID)
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Field(() => ID, { nullable: true, description: 'Văn bản được thực hiện / the source document implemented' })
  @Column({ name: 'source_document_id', type: 'uuid', nullable: true })
  sourceDocumentId!: string | null;

  @Field(() => PlanStatus)
  @Column({ type: 'text', default: PlanStatus.DRAFT })
  status!: PlanStatus;
}

/** A plan version as the audit trail records it, without internal columns. */
export function planSnapshot(plan: ReformPlan) {
  const { id, title, resolutionRef, sourceDocumentId, unitCode, status, validFrom, validTo } = plan;
  return { id, title, resolutionRef, sourceDocumentId, unitCode, status, validFrom, validTo };
}
