import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RuleSubject } from '../rule-set/rule-set.kinds';
import type { AnnualScoreService } from './annual-score.service';
import { PeriodScore } from './period-score.entity';
import { ScoreWorkProductsInput } from './period-score.inputs';
import type { PeriodScoreService } from './period-score.service';
import { AnnualScore } from './period-score.types';

type Context = RequestContext<object>;

@Resolver(() => PeriodScore)
export class PeriodScoreResolver {
  constructor(
    private readonly scores: PeriodScoreService,
    private readonly annual: AnnualScoreService,
  ) {}

  @Query(() => [PeriodScore], { description: 'Điểm các người trong một kỳ đánh giá / the scores of a cycle (none outside your territory)' })
  periodScores(@Arg('cycleId', () => ID) cycleId: string, @Ctx() { principal }: Context) {
    return this.scores.inCycle(principal, cycleId);
  }

  @Query(() => AnnualScore, {
    nullable: true,
    description:
      'Điểm năm của một người từ điểm các kỳ, theo số ngày làm việc thực tế (giữ điểm kỳ ở cơ quan cũ khi điều động) / a person’s annual score from the period scores, weighted by days worked',
  })
  annualScore(
    @Arg('personId', () => ID) personId: string,
    @Arg('year', () => Int) year: number,
    @Arg('subject', () => RuleSubject) subject: RuleSubject,
    @Ctx() { principal }: Context,
  ) {
    return this.annual.of(principal, personId, year, subject);
  }

  @Mutation(() => PeriodScore, { description: 'Chấm điểm sản phẩm công việc trong kỳ đang mở / score a person’s work products in an open cycle' })
  scoreWorkProducts(@Arg('input') input: ScoreWorkProductsInput, @Ctx() { principal }: Context) {
    return this.scores.score(principal, input);
  }
}
