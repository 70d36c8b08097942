import { LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { restructuringSurplus } from './surplus.report';
import { SurplusLine } from './surplus.type';

@Resolver()
export class SurplusResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [SurplusLine], {
    description: 'Biên chế dôi dư sau sắp xếp ngày date, của đơn vị và cấp dưới / the surplus a restructuring on a date left in a unit and below',
  })
  restructuringSurplus(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('date', () => LocalDate, { description: 'Ngày sắp xếp có hiệu lực / the restructuring’s effective date' }) date: string,
    @Ctx() { principal }: RequestContext<object>,
  ): Promise<SurplusLine[]> {
    return restructuringSurplus(this.dataSource, principal, unitCode, date);
  }
}
