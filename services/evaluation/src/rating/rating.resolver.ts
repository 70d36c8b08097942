import {
  asOfDate,
  Decision,
  ENTITY_AS_OF_ARGUMENT,
  type DecisionLoaders,
  LocalDate,
} from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { Rating, RatingSummary } from './rating.entity';
import { RecordRatingInput } from './rating.inputs';
import type { RatingLoaders } from './rating.loaders';
import type { RatingService } from './rating.service';
import { summarize } from './rating.summary';

type Context = RequestContext<RatingLoaders & DecisionLoaders>;

@Resolver(() => Rating)
export class RatingResolver {
  constructor(private readonly ratingService: RatingService) {}

  @Mutation(() => Rating, { description: 'Ghi nhận kết quả xếp loại từ ngày hiệu lực / record a rating from the effective date' })
  recordRating(@Arg('input') input: RecordRatingInput, @Ctx() { principal }: Context) {
    return this.ratingService.record(principal, input);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định công nhận / decision that recorded it' })
  decision(@Root() rating: Rating, @Ctx() { loaders }: Context) {
    return rating.decisionId ? loaders.decisionById.load(rating.decisionId) : null;
  }
}

@Resolver(() => AdministrativeUnit)
export class UnitRatingResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => RatingSummary, {
    nullable: true,
    description:
      'Tổng hợp xếp loại theo năm (mặc định: năm gần nhất), như vào ngày asOf / ratings of a year (default: latest) as of a date (null outside your territory)',
  })
  async ratingSummary(
    @Root() unit: AdministrativeUnit,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { loaders }: Context,
  ) {
    const counts = await loaders.ratingCountsOn.load({ code: unit.code, asOf: asOfDate(asOf ?? unit.asOf) });
    return counts && summarize(counts, year ?? null);
  }
}
