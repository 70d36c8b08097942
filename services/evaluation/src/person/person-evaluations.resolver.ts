import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Evaluation } from '../evaluation/evaluation.entity';
import type { RatingLoaders } from '../rating/rating.loaders';
import { Person } from './person.type';

type Context = RequestContext<RatingLoaders>;

@Resolver(() => Person)
export class PersonEvaluationsResolver {
  @FieldResolver(() => [Evaluation], {
    description:
      'Phiếu đánh giá, xếp loại của người này theo năm (mặc định: mọi năm), mới nhất trước (rỗng ngoài địa bàn) / the person’s evaluations of a year (default: every year), newest first (empty outside your territory)',
  })
  evaluations(@Root() person: Person, @Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() { loaders }: Context) {
    return loaders.evaluationsOf.load({ personId: person.id, year: year ?? null });
  }
}
