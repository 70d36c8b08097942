import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { EvaluationCycle } from './cycle.entity';
import { CloseEvaluationCycleInput, OpenEvaluationCycleInput } from './cycle.inputs';
import type { EvaluationCycleService } from './cycle.service';

@Resolver(() => EvaluationCycle)
export class EvaluationCycleResolver {
  constructor(private readonly cycles: EvaluationCycleService) {}

  @Query(() => [EvaluationCycle], { description: 'Các kỳ đánh giá của đơn vị trong năm / a unit’s evaluation cycles in a year (none outside your territory)' })
  evaluationCycles(@Arg('unitCode', () => ID) unitCode: string, @Arg('year', () => Int) year: number, @Ctx() { principal }: RequestContext<object>) {
    return this.cycles.list(principal, unitCode, year);
  }

  @Mutation(() => EvaluationCycle, { description: 'Mở kỳ đánh giá / open an evaluation cycle' })
  openEvaluationCycle(@Arg('input') input: OpenEvaluationCycleInput, @Ctx() { principal }: RequestContext<object>) {
    return this.cycles.open(principal, input);
  }

  @Mutation(() => EvaluationCycle, { description: 'Đóng kỳ đánh giá / close an evaluation cycle' })
  closeEvaluationCycle(@Arg('input') input: CloseEvaluationCycleInput, @Ctx() { principal }: RequestContext<object>) {
    return this.cycles.close(principal, input);
  }
}
