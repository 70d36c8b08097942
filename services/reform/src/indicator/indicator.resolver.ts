import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PlanContentsLoaders } from '../plan/plan-contents.loaders';
import { IndicatorActual, ReformIndicator } from './indicator.entity';
import { AddReformIndicatorInput, RecordIndicatorActualInput } from './indicator.inputs';
import type { IndicatorService } from './indicator.service';

type Context = RequestContext<PlanContentsLoaders>;

@Resolver(() => ReformIndicator)
export class IndicatorResolver {
  constructor(private readonly indicators: IndicatorService) {}

  @Mutation(() => ReformIndicator, { description: 'Đặt chỉ tiêu và mục tiêu cho kế hoạch / set a plan indicator with its target' })
  addReformIndicator(@Arg('input') input: AddReformIndicatorInput, @Ctx() { principal }: Context) {
    return this.indicators.add(principal, input);
  }

  @Mutation(() => IndicatorActual, { description: 'Ghi nhận kết quả chỉ tiêu theo kỳ / record an indicator actual for a period' })
  recordIndicatorActual(@Arg('input') input: RecordIndicatorActualInput, @Ctx() { principal }: Context) {
    return this.indicators.recordActual(principal, input);
  }

  @FieldResolver(() => [IndicatorActual], { description: 'Kết quả theo kỳ, báo cáo đến ngày tra cứu / actuals reported up to the date' })
  actuals(@Root() indicator: ReformIndicator, @Ctx() { loaders }: Context) {
    return loaders.actualsOn.load({ id: indicator.id, asOf: indicator.asOf });
  }
}
