import { randomUUID } from 'node:crypto';
import { requireCapability, type GuardedUnit, type Principal } from '@ps/auth';
import { ReformTaskAssigned, ReformTaskProgressReported } from '@ps/contracts';
import { inForceOn, insertVersion, requiredText, stampAsOf, versionOn, writeDated, type DatedWrite } from '@ps/effective-dating';
import { BadUserInputError, NotFoundError } from '@ps/errors';
import { groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { planForWriting } from '../plan/plan.access';
import { checkAssignees } from './task.assignees';
import { progressSnapshot, ReformTask, TaskProgressReport, taskSnapshot } from './task.entity';
import type { AssignReformTaskInput, ReportTaskProgressInput } from './task.inputs';
import { checkCompletion, checkIds, checkLinks } from './task.rules';

export class TaskService {
  constructor(private readonly dataSource: DataSource) {}

  /** Tasks in force on `asOf` of plans already read through the territory guard (one query per batch). */
  async ofPlans(planIds: readonly string[], asOf: string): Promise<Map<string, ReformTask[]>> {
    const tasks = await this.dataSource
      .getRepository(ReformTask)
      .createQueryBuilder('task')
      .where('task.plan_id IN (:...planIds)', { planIds })
      .andWhere(inForceOn('task', ':asOf'), { asOf })
      .orderBy('task.deadline')
      .addOrderBy('task.title')
      .getMany();
    return groupBy(tasks.map((task) => stampAsOf(task, asOf)), (task) => task.planId);
  }

  /** Progress reports made by `asOf` on tasks already read through their plans, oldest first (one query per batch). */
  async reportsOf(taskIds: readonly string[], asOf: string): Promise<Map<string, TaskProgressReport[]>> {
    const reports = await this.dataSource
      .getRepository(TaskProgressReport)
      .createQueryBuilder('report')
      .where('report.task_id IN (:...taskIds)', { taskIds })
      .andWhere(inForceOn('report', ':asOf'), { asOf })
      .orderBy('report.valid_from')
      .addOrderBy('report.created_at')
      .getMany();
    return groupBy(reports.map((report) => stampAsOf(report, asOf)), (report) => report.taskId);
  }

  /** Assigns a task of a plan to organizations, with an owner and a deadline not before the assignment. */
  async assign(principal: Principal, input: AssignReformTaskInput): Promise<ReformTask> {
    requireCapability(principal, 'officer');
    const fields = {
      title: requiredText(input.title, { vi: 'Nội dung nhiệm vụ', en: 'Task title' }),
      organizationIds: checkIds(input.organizationIds, { vi: 'Tổ chức được giao', en: 'Organizations assigned' }),
      ownerPersonId: checkIds([input.ownerPersonId], { vi: 'Người chịu trách nhiệm', en: 'Owner' })[0],
      deadline: input.deadline,
    };
    return writeDated(this.dataSource, { actor: principal, operation: 'assignReformTask', change: input.change }, async (write) => {
      const { plan, unit } = await planForWriting(write, principal, input.planId);
      await checkAssignees(write.manager, unit, write.date, fields);
      if (fields.deadline < write.date) {
        throw new BadUserInputError(`Thời hạn ${fields.deadline} trước ngày giao ${write.date}`, `Deadline ${fields.deadline} is before the assignment on ${write.date}`, {
          reason: 'DEADLINE_BEFORE_ASSIGNMENT', deadline: fields.deadline,
        });
      }
      const task = await insertVersion(write, ReformTask, { id: randomUUID(), planId: plan.id, ...fields });
      about(write, task, unit).after(taskSnapshot(task));
      await write.emit(ReformTaskAssigned, { taskId: task.id, planId: plan.id, unitCode: unit.code, ...fields, ...write.facts }, { aggregateId: task.id, unitPath: unit.path });
      return stampAsOf(task, write.date);
    });
  }

  /** Reports a task's completion as of the report's date, with evidence. */
  async reportProgress(principal: Principal, input: ReportTaskProgressInput): Promise<TaskProgressReport> {
    requireCapability(principal, 'officer');
    const fields = {
      completion: checkCompletion(input.completion),
      evidence: requiredText(input.evidence, { vi: 'Minh chứng', en: 'Evidence' }),
      links: checkLinks(input.links ?? []),
    };
    return writeDated(this.dataSource, { actor: principal, operation: 'reportTaskProgress', change: input.change }, async (write) => {
      const task = await versionOn(write.manager, ReformTask, input.taskId, write.date);
      if (!task) throw new NotFoundError(`Không có nhiệm vụ ${input.taskId} có hiệu lực ngày ${write.date}`, `No task ${input.taskId} in force on ${write.date}`, { reason: 'TASK_NOT_FOUND' });
      const { unit } = await planForWriting(write, principal, task.planId);
      const report = await insertVersion(write, TaskProgressReport, { id: randomUUID(), taskId: task.id, ...fields });
      about(write, task, unit).after(progressSnapshot(report));
      await write.emit(
        ReformTaskProgressReported,
        { reportId: report.id, taskId: task.id, planId: task.planId, unitCode: unit.code, completion: report.completion, ...write.facts },
        { aggregateId: task.id, unitPath: unit.path },
      );
      return stampAsOf(report, write.date);
    });
  }
}

function about(write: DatedWrite, task: ReformTask, unit: GuardedUnit): DatedWrite {
  return write.about({ type: 'ReformTask', id: task.id, label: `${task.title} – ${unit.name} (${unit.code})`, unitCode: unit.code, unitPaths: [unit.path] });
}
