import { AS_OF_ARGUMENT, asOfDate, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../person/person.entity';
import { PersonRating } from './person-rating.entity';
import type { RatingHistoryLoaders } from './rating-history.loaders';
import { RewardProposal } from './reward-proposal.entity';
import type { RewardProposalList } from './reward-proposal.list';

type Context = RequestContext<RatingHistoryLoaders>;

@Resolver(() => Person)
export class PersonRatingResolver {
  @FieldResolver(() => [PersonRating], {
    description: 'Lịch sử xếp loại (lần quyết định mới nhất của mỗi kết quả), năm mới trước / rating history, each at its latest revision, newest year first',
  })
  ratingHistory(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.ratingHistoryOf.load(person.id);
  }
}

@Resolver(() => RewardProposal)
export class RewardProposalResolver {
  constructor(private readonly proposals: RewardProposalList) {}

  @Query(() => [RewardProposal], {
    description: 'Đề xuất khen thưởng từ xếp loại HTXS của một năm, đơn vị và cấp dưới trong địa bàn / reward proposals from a year’s HTXS ratings, in your territory',
  })
  rewardProposals(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.proposals.of(principal, unitCode, year, asOfDate(asOf));
  }
}
