import { dayBefore, notEndedBy, reviseFrom, versionOn, writeDatedIn, type Actor } from '@ps/effective-dating';
import { groupBy } from '@ps/service-kit';
import type { EntityManager } from 'typeorm';
import { ReformPlan } from '../plan/plan.entity';
import type { OrganizationSuccession } from '../succession/restructuring.change';
import { unitOn } from '../territory/unit-on';
import { ReformTask, taskSnapshot } from './task.entity';
import { reassigned } from './task.rules';

/**
 * Each task assigned to the closed organization and not ended by the closing date is assigned,
 * from that date, to the successor in its place (once, if the successor already had it): the
 * version in force then ends on the date, later versions change in place. One audited write per
 * task; a task no longer assigned to the closed organization is not found again.
 */
export async function reassignTasks(manager: EntityManager, actor: Actor, succession: OrganizationSuccession): Promise<number> {
  const versions = await manager
    .getRepository(ReformTask)
    .createQueryBuilder('task')
    .where(':closed = ANY(task.organization_ids)', { closed: succession.organizationId })
    .andWhere(notEndedBy('task', ':date'), { date: succession.effectiveDate })
    .orderBy('task.id')
    .addOrderBy('task.valid_from')
    .getMany();
  const byTask = groupBy(versions, (version) => version.id);
  for (const [id, taskVersions] of byTask) {
    await writeDatedIn(manager, { actor, operation: 'followOrganizationSuccession', change: succession.change }, async (write) => {
      const revised: ReformTask[] = [];
      for (const version of taskVersions) {
        const fields = { organizationIds: reassigned(version.organizationIds, succession.organizationId, succession.successorId) };
        revised.push(...(await reviseFrom(write, ReformTask, { property: 'versionId', value: version.versionId }, fields)));
      }
      const plan = (await versionOn(manager, ReformPlan, revised[0].planId, write.date)) ?? (await versionOn(manager, ReformPlan, revised[0].planId, dayBefore(write.date)));
      const unit = await unitOn(manager, plan?.unitCode ?? '', write.date, dayBefore(write.date));
      write
        .about({ type: 'ReformTask', id, label: `${revised[0].title} – ${unit.name} (${unit.code})`, unitCode: unit.code, unitPaths: [unit.path] })
        .before({ id, organizationIds: taskVersions[0].organizationIds, until: write.date })
        .after(taskSnapshot(revised[0]));
    });
  }
  return byTask.size;
}
