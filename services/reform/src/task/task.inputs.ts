import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Giao nhiệm vụ của kế hoạch / assign a plan task' })
export class AssignReformTaskInput {
  @Field(() => ID)
  planId!: string;

  @Field({ description: 'Nội dung nhiệm vụ / the task' })
  title!: string;

  @Field(() => [ID], { description: 'Tổ chức được giao / organizations assigned' })
  organizationIds!: string[];

  @Field(() => ID, { description: 'Người chịu trách nhiệm (Person) / owner (Person id)' })
  ownerPersonId!: string;

  @Field(() => LocalDate, { description: 'Thời hạn / deadline' })
  deadline!: string;

  @Field(() => EffectiveChangeInput, { description: 'Văn bản giao nhiệm vụ, từ ngày nào / the decision assigning it, from when' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Báo cáo tiến độ nhiệm vụ / report a task’s progress' })
export class ReportTaskProgressInput {
  @Field(() => ID)
  taskId!: string;

  @Field(() => Int, { description: 'Tỷ lệ hoàn thành 0–100 / completion 0–100' })
  completion!: number;

  @Field({ description: 'Minh chứng / evidence' })
  evidence!: string;

  @Field(() => [String], { nullable: true, description: 'Liên kết minh chứng / evidence links' })
  links?: string[] | null;

  @Field(() => EffectiveChangeInput, { description: 'Báo cáo, tính đến ngày nào / the report, as of when' })
  change!: EffectiveChangeInput;
}
