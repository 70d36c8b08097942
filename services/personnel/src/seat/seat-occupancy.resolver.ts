import { AS_OF_ARGUMENT, asOfDate, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { SeatOccupancyService } from './seat-occupancy.service';
import { SeatOccupancy } from './seat-occupancy.type';

@Resolver(() => SeatOccupancy)
export class SeatOccupancyResolver {
  constructor(private readonly seats: SeatOccupancyService) {}

  @Query(() => [SeatOccupancy], { description: 'Các ghế của một tổ chức và người giữ, vào ngày asOf / an organization’s seats with holders as of a date' })
  organizationSeats(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: RequestContext<unknown>,
  ) {
    return this.seats.ofOrganization(principal, organizationId, asOfDate(asOf));
  }

  @Query(() => [SeatOccupancy], { description: 'Các ghế còn trống trong đơn vị và cấp dưới, vào ngày asOf / seats with a vacant place in a unit and below, as of a date' })
  vacantSeats(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: RequestContext<unknown>,
  ) {
    return this.seats.vacantIn(principal, unitCode, asOfDate(asOf));
  }
}
