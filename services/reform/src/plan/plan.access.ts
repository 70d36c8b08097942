import type { GuardedUnit, Principal } from '@ps/auth';
import { versionOn, type DatedWrite } from '@ps/effective-dating';
import { NotFoundError } from '@ps/errors';
import { territoryGuard } from '../territory/territory.guard';
import { ReformPlan } from './plan.entity';

/** No plan has this id in force on the date (or it is not one the caller may see: the territory check says which). */
export class PlanNotFoundError extends NotFoundError {
  constructor(planId: string, date: string) {
    super(`Không có kế hoạch ${planId} có hiệu lực ngày ${date}`, `No reform plan ${planId} in force on ${date}`, { reason: 'PLAN_NOT_FOUND', planId, date });
  }
}

/** The plan in force on the write's date with its unit, inside the caller's territory then; or the typed refusal. */
export async function planForWriting(write: DatedWrite, principal: Principal, planId: string): Promise<{ plan: ReformPlan; unit: GuardedUnit }> {
  const plan = await versionOn(write.manager, ReformPlan, planId, write.date);
  if (!plan) throw new PlanNotFoundError(planId, write.date);
  const unit = await territoryGuard.unitWithin(write.manager, principal, plan.unitCode, write.date);
  return { plan, unit };
}
