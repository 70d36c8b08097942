import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'Trạng thái kế hoạch / plan status' });

@ObjectType({ description: 'Kế hoạch thực hiện nghị quyết / a reform plan implementing a resolution' })
@Entity({ name: 'reform_plan' })
export class ReformPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Tên kế hoạch / title' })
  @Column({ type: 'text' })
  title!: string;

  @Field({ description: 'Nghị quyết, kết luận được thực hiện / resolution implemented, e.g. "18-NQ/TW"' })
  @Column({ name: 'resolution_ref', type: 'text' })
  resolutionRef!: string;

  @Field(() => ID)
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'unit_path', type: 'ltree' })
  unitPath!: string;

  @Field(() => PlanStatus)
  @Column({ type: 'text', default: PlanStatus.DRAFT })
  status!: PlanStatus;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
