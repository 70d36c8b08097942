import { OutsideTerritoryError } from '@ps/auth';
import type { RequestContext } from '@ps/service-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { asOfDate } from '../territory/validity';
import type { UnitService } from '../unit/unit.service';
import type { StatisticsService } from './statistics.service';
import { UnitStatistics, UnitStatisticsComparison } from './statistics.types';

@Resolver(() => UnitStatistics)
export class StatisticsResolver {
  constructor(
    private readonly statisticsService: StatisticsService,
    private readonly unitService: UnitService,
  ) {}

  @Query(() => UnitStatistics, {
    nullable: true,
    description: 'Thống kê đơn vị vào một ngày (mặc định hôm nay) / a unit’s figures on a date',
  })
  async statistics(
    @Arg('code', () => ID) code: string,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true }) asOf: string | null,
    @Ctx() { principal }: RequestContext<unknown>,
  ) {
    const date = asOfDate(asOf);
    const figures = await this.statisticsService.statistics(principal, code, date);
    if (!figures && (await this.unitService.existsOn(code, date))) throw new OutsideTerritoryError(code);
    return figures;
  }

  @Query(() => UnitStatisticsComparison, {
    nullable: true,
    description: 'So sánh thống kê giữa hai ngày / a unit’s figures compared between two dates',
  })
  async compareStatistics(
    @Arg('code', () => ID) code: string,
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Ctx() { principal }: RequestContext<unknown>,
  ) {
    const comparison = await this.statisticsService.compare(principal, code, from, to);
    if (!comparison && ((await this.unitService.existsOn(code, from)) || (await this.unitService.existsOn(code, to)))) {
      throw new OutsideTerritoryError(code);
    }
    return comparison;
  }
}
