import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { ReformPlan } from './plan.entity';
import { CreateReformPlanInput } from './plan.inputs';
import type { PlanLoaders } from './plan.loaders';
import type { PlanService } from './plan.service';

type Context = RequestContext<PlanLoaders>;

@Resolver(() => ReformPlan)
export class PlanResolver {
  constructor(private readonly planService: PlanService) {}

  @Mutation(() => ReformPlan, { description: 'Lập kế hoạch / draft a reform plan' })
  createReformPlan(@Arg('input') input: CreateReformPlanInput, @Ctx() { principal }: Context) {
    return this.planService.create(principal, input);
  }
}

@Resolver(() => AdministrativeUnit)
export class UnitPlansResolver {
  @FieldResolver(() => [ReformPlan], {
    description: 'Kế hoạch cải cách của đơn vị / the unit’s reform plans (empty outside your territory)',
  })
  plans(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return loaders.plansOf.load(unit.code);
  }
}
