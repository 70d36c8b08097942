import {
  asOfDate,
  Decision,
  ENTITY_AS_OF_ARGUMENT,
  type DecisionLoaders,
  LocalDate,
} from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { Organization } from '../territory/organization.type';
import { ReformPlan } from './plan.entity';
import { CreateReformPlanInput } from './plan.inputs';
import { ReformIndicator } from '../indicator/indicator.entity';
import { SourceDocument } from '../source-document/source-document.entity';
import { ReformTask } from '../task/task.entity';
import { ReformGoal } from './goal.entity';
import type { PlanContentsLoaders } from './plan-contents.loaders';
import type { PlanLoaders } from './plan.loaders';
import type { PlanService } from './plan.service';

type Context = RequestContext<PlanLoaders & PlanContentsLoaders & DecisionLoaders>;

@Resolver(() => ReformPlan)
export class PlanResolver {
  constructor(private readonly planService: PlanService) {}

  @Mutation(() => ReformPlan, { description: 'Lập kế hoạch từ ngày hiệu lực / draft a reform plan from the effective date' })
  createReformPlan(@Arg('input') input: CreateReformPlanInput, @Ctx() { principal }: Context) {
    return this.planService.create(principal, input);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định ban hành / decision that adopted it' })
  decision(@Root() plan: ReformPlan, @Ctx() { loaders }: Context) {
    return plan.decisionId ? loaders.decisionById.load(plan.decisionId) : null;
  }

  @FieldResolver(() => SourceDocument, { nullable: true, description: 'Văn bản được thực hiện / the source document implemented' })
  sourceDocument(@Root() plan: ReformPlan, @Ctx() { loaders }: Context) {
    return plan.sourceDocumentId ? loaders.sourceDocumentOn.load({ id: plan.sourceDocumentId, asOf: plan.asOf }) : null;
  }

  @FieldResolver(() => [ReformGoal], { description: 'Mục tiêu theo năm / goals by target year' })
  goals(@Root() plan: ReformPlan, @Ctx() { loaders }: Context) {
    return loaders.goalsOn.load({ id: plan.id, asOf: plan.asOf });
  }

  @FieldResolver(() => [ReformTask], { description: 'Nhiệm vụ, theo thời hạn / tasks by deadline' })
  tasks(@Root() plan: ReformPlan, @Ctx() { loaders }: Context) {
    return loaders.tasksOn.load({ id: plan.id, asOf: plan.asOf });
  }

  @FieldResolver(() => [ReformIndicator], { description: 'Chỉ tiêu / indicators' })
  indicators(@Root() plan: ReformPlan, @Ctx() { loaders }: Context) {
    return loaders.indicatorsOn.load({ id: plan.id, asOf: plan.asOf });
  }
}

@Resolver(() => AdministrativeUnit)
export class UnitPlansResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => [ReformPlan], {
    // Nullable so that, with the reform service down, the gateway answers null here and the rest of the unit.
    nullable: true,
    description:
      'Kế hoạch cải cách của đơn vị, như vào ngày asOf (null khi dịch vụ cải cách không phản hồi) / the unit’s reform plans as of a date (empty outside your territory; null while the reform service is unavailable)',
  })
  plans(
    @Root() unit: AdministrativeUnit,
    @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.plansOn.load({ code: unit.code, asOf: asOfDate(asOf ?? unit.asOf) });
  }
}

@Resolver(() => Organization)
export class OrganizationPlansResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => [ReformPlan], {
    nullable: true,
    description:
      'Kế hoạch cải cách có nhiệm vụ giao cho tổ chức, như vào ngày asOf (rỗng ngoài địa bàn; null khi dịch vụ cải cách không phản hồi) / reform plans with a task assigned to the organization as of a date (empty outside your territory; null while the reform service is unavailable)',
  })
  plans(
    @Root() organization: Organization,
    @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.organizationPlansOn.load({ id: organization.id, asOf: asOfDate(asOf ?? organization.asOf) });
  }
}
