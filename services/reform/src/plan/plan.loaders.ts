import type { Principal } from '@ps/auth';
import { groupLoader } from '@ps/service-kit';
import type { PlanService } from './plan.service';

export function planLoaders(plans: PlanService, principal: Principal) {
  return {
    plansOf: groupLoader((codes: readonly string[]) => plans.ofUnits(principal, codes)),
  };
}

export type PlanLoaders = ReturnType<typeof planLoaders>;
