import { requireCapability, TERRITORY_PROJECTION, TerritoryGuard, type Principal } from '@ps/auth';
import { ReformPlanCreated } from '@ps/contracts';
import { BadUserInputError } from '@ps/errors';
import { todayInVietnam } from '@ps/effective-dating';
import { recordEvent } from '@ps/events';
import { groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { PlanStatus, ReformPlan } from './plan.entity';
import type { CreateReformPlanInput } from './plan.inputs';

export const territoryGuard = new TerritoryGuard(TERRITORY_PROJECTION);

export class PlanService {
  constructor(private readonly dataSource: DataSource) {}

  /** Plans of each unit inside the caller's territory (one query per batch). */
  async ofUnits(principal: Principal, unitCodes: readonly string[]): Promise<Map<string, ReformPlan[]>> {
    const query = this.dataSource
      .getRepository(ReformPlan)
      .createQueryBuilder('plan')
      .where('plan.unit_code IN (:...unitCodes)', { unitCodes })
      .orderBy('plan.created_at');
    const plans = await territoryGuard.apply(query, principal, 'plan.unit_path', todayInVietnam()).getMany();
    return groupBy(plans, (plan) => plan.unitCode);
  }

  async create(principal: Principal, input: CreateReformPlanInput): Promise<ReformPlan> {
    requireCapability(principal, 'officer');
    const title = input.title.trim();
    const resolutionRef = input.resolutionRef.trim();
    if (title.length === 0 || resolutionRef.length === 0) {
      throw new BadUserInputError(
        'Kế hoạch cần có tên và nghị quyết được thực hiện',
        'A plan needs a title and the resolution it implements',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const { path: unitPath } = await territoryGuard.unitWithin(manager, principal, input.unitCode, todayInVietnam());
      const plans = manager.getRepository(ReformPlan);
      const plan = plans.create({
        title,
        resolutionRef,
        unitCode: input.unitCode,
        unitPath,
        status: PlanStatus.DRAFT,
        createdBy: principal.userId,
      });
      await plans.insert(plan);
      await recordEvent(
        manager,
        ReformPlanCreated,
        { planId: plan.id, title, resolutionRef, unitCode: plan.unitCode },
        { aggregateId: plan.id, unitPath, actor: principal.userId },
      );
      return plan;
    });
  }
}
