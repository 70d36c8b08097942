import type { Principal } from '@ps/auth';
import { datedLoader } from '@ps/effective-dating';
import type { ReformPlan } from './plan.entity';
import type { PlanService } from './plan.service';

/** Per-request batch loaders over the caller's territory, keyed by (unit code or organization id, asOf). */
export function planLoaders(plans: PlanService, principal: Principal) {
  return {
    plansOn: datedLoader<'code', ReformPlan[]>('code', (codes, asOf) => plans.ofUnits(principal, codes, asOf), []),
    organizationPlansOn: datedLoader<'id', ReformPlan[]>('id', (ids, asOf) => plans.ofOrganizations(principal, ids, asOf), []),
  };
}

export type PlanLoaders = ReturnType<typeof planLoaders>;
