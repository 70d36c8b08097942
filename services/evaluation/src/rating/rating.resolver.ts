import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { Rating, RatingSummary } from './rating.entity';
import { RecordRatingInput } from './rating.inputs';
import type { RatingLoaders } from './rating.loaders';
import type { RatingService } from './rating.service';

type Context = RequestContext<RatingLoaders>;

@Resolver(() => Rating)
export class RatingResolver {
  constructor(private readonly ratingService: RatingService) {}

  @Mutation(() => Rating, { description: 'Ghi nhận kết quả xếp loại / record a rating' })
  recordRating(@Arg('input') input: RecordRatingInput, @Ctx() { principal }: Context) {
    return this.ratingService.record(principal, input);
  }
}

@Resolver(() => AdministrativeUnit)
export class UnitRatingResolver {
  @FieldResolver(() => RatingSummary, {
    nullable: true,
    description: 'Tổng hợp xếp loại theo năm (mặc định: năm gần nhất) / ratings of a year (default: latest)',
  })
  ratingSummary(
    @Root() unit: AdministrativeUnit,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.summaryOf.load({ unitCode: unit.code, year: year ?? null });
  }
}
