import { EffectiveVersion, LocalDate } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/** A task of a plan, assigned to organizations, owned by one person, due by a deadline. */
@ObjectType({ description: 'Nhiệm vụ của kế hoạch / a plan task' })
@Entity({ name: 'reform_task' })
export class ReformTask extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Field({ description: 'Nội dung nhiệm vụ / the task' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => [ID], { description: 'Tổ chức được giao / organizations assigned' })
  @Column({ name: 'organization_ids', type: 'uuid', array: true })
  organizationIds!: string[];

  @Field(() => ID, { description: 'Người chịu trách nhiệm (Person của nhân sự) / owner, a personnel Person id' })
  @Column({ name: 'owner_person_id', type: 'uuid' })
  ownerPersonId!: string;

  @Field(() => LocalDate, { description: 'Thời hạn hoàn thành / deadline' })
  @Column({ type: 'date' })
  deadline!: string;
}

/** A progress report on a task, from its report date: how complete, on what evidence. */
@ObjectType({ description: 'Báo cáo tiến độ nhiệm vụ / a task progress report' })
@Entity({ name: 'reform_task_progress' })
export class TaskProgressReport extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Field(() => Int, { description: 'Tỷ lệ hoàn thành (%) / completion percentage' })
  @Column({ type: 'int' })
  completion!: number;

  @Field({ description: 'Minh chứng / evidence' })
  @Column({ type: 'text' })
  evidence!: string;

  @Field(() => [String], { description: 'Liên kết minh chứng / evidence links' })
  @Column({ type: 'text', array: true })
  links!: string[];
}

/** A task as the audit trail records it. */
export function taskSnapshot(task: ReformTask) {
  const { id, planId, title, organizationIds, ownerPersonId, deadline, validFrom } = task;
  return { id, planId, title, organizationIds, ownerPersonId, deadline, validFrom };
}

/** A progress report as the audit trail records it. */
export function progressSnapshot(report: TaskProgressReport) {
  const { id, taskId, completion, evidence, links, validFrom } = report;
  return { id, taskId, completion, evidence, links, validFrom };
}
