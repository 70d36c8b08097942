import type { RequestContext } from '@ps/service-kit';
import { asOfDate, LocalDate } from '@ps/effective-dating';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { requireUnit } from '../unit/unit.access';
import type { StatisticsService } from './statistics.service';
import { UnitStatistics, UnitStatisticsComparison } from './statistics.types';

@Resolver(() => UnitStatistics)
export class StatisticsResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statisticsService: StatisticsService,
  ) {}

  @Query(() => UnitStatistics, { nullable: true, description: 'Thống kê đơn vị vào một ngày (mặc định hôm nay) / a unit’s figures on a date' })
  async statistics(
    @Arg('code', () => ID) code: string,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | null,
    @Ctx() { principal }: RequestContext<unknown>,
  ) {
    const date = asOfDate(asOf);
    const unit = await requireUnit(this.dataSource.manager, principal, code, date);
    return this.statisticsService.statistics(principal, unit, date);
  }

  @Query(() => UnitStatisticsComparison, {
    nullable: true,
    description:
      'So sánh thống kê giữa hai ngày; đơn vị phải có hiệu lực vào cả hai ngày (NOT_IN_FORCE nêu ngày nào) / figures compared between two dates',
  })
  async compareStatistics(
    @Arg('code', () => ID) code: string,
    @Arg('from', () => LocalDate) from: string,
    @Arg('to', () => LocalDate) to: string,
    @Ctx() { principal }: RequestContext<unknown>,
  ) {
    const before = await requireUnit(this.dataSource.manager, principal, code, from);
    const after = await requireUnit(this.dataSource.manager, principal, code, to);
    return this.statisticsService.compare(principal, before, after, from, to);
  }
}
