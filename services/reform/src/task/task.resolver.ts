import { AS_OF_ARGUMENT, asOfDate, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { PlanContentsLoaders } from '../plan/plan-contents.loaders';
import { ReformTask, TaskProgressReport } from './task.entity';
import { AssignReformTaskInput, ReportTaskProgressInput } from './task.inputs';
import { TaskStanding, taskStanding } from './task.overdue';
import type { TaskService } from './task.service';
import { registerEnumType } from 'type-graphql';

registerEnumType(TaskStanding, { name: 'TaskStanding', description: 'Tình trạng nhiệm vụ: hoàn thành, quá hạn, đang thực hiện / task standing' });

type Context = RequestContext<PlanContentsLoaders>;

/** The completion last reported by the task's date (0 before any report). */
async function completionOf(task: ReformTask, loaders: PlanContentsLoaders, asOf: string): Promise<number> {
  const reports = await loaders.progressReportsOn.load({ id: task.id, asOf });
  return reports.length === 0 ? 0 : reports[reports.length - 1].completion;
}

@Resolver(() => ReformTask)
export class TaskResolver {
  constructor(private readonly tasks: TaskService) {}

  @Mutation(() => ReformTask, { description: 'Giao nhiệm vụ cho tổ chức, người chịu trách nhiệm, thời hạn / assign a plan task' })
  assignReformTask(@Arg('input') input: AssignReformTaskInput, @Ctx() { principal }: Context) {
    return this.tasks.assign(principal, input);
  }

  @Mutation(() => TaskProgressReport, { description: 'Báo cáo tiến độ nhiệm vụ kèm minh chứng / report task progress with evidence' })
  reportTaskProgress(@Arg('input') input: ReportTaskProgressInput, @Ctx() { principal }: Context) {
    return this.tasks.reportProgress(principal, input);
  }

  @FieldResolver(() => [TaskProgressReport], { description: 'Các báo cáo tiến độ đến ngày tra cứu / progress reports up to the date' })
  progressReports(@Root() task: ReformTask, @Ctx() { loaders }: Context) {
    return loaders.progressReportsOn.load({ id: task.id, asOf: task.asOf });
  }

  @FieldResolver(() => Int, { description: 'Tỷ lệ hoàn thành theo báo cáo gần nhất (%) / completion as last reported' })
  completion(@Root() task: ReformTask, @Ctx() { loaders }: Context) {
    return completionOf(task, loaders, task.asOf);
  }

  @FieldResolver(() => TaskStanding, { description: 'Hoàn thành, quá hạn hay đang thực hiện vào ngày asOf / standing on a date (default: the task’s date)' })
  async standing(@Root() task: ReformTask, @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null, @Ctx() { loaders }: Context) {
    const date = asOf ?? task.asOf ?? asOfDate(null);
    return taskStanding({ deadline: task.deadline, completion: await completionOf(task, loaders, date) }, date);
  }
}
