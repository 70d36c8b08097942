import { AS_OF_ARGUMENT, asOfDate, Decision, type DecisionLoaders, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../person/person.entity';
import type { PersonService } from '../person/person.service';
import { PlanningEntry } from './planning.entity';
import { AddToPlanningInput, RemoveFromPlanningInput } from './planning.inputs';
import { PlanningList } from './planning-list.type';
import type { PlanningLists } from './planning-list.service';
import type { PlanningService } from './planning.service';

type Context = RequestContext<DecisionLoaders>;

@Resolver(() => PlanningEntry)
export class PlanningResolver {
  constructor(
    private readonly planning: PlanningService,
    private readonly lists: PlanningLists,
    private readonly people: PersonService,
  ) {}

  @Mutation(() => PlanningEntry, { description: 'Đưa một người vào quy hoạch một chức danh từ ngày hiệu lực / plan a person for a position from the effective date' })
  addToCadrePlanning(@Arg('input') input: AddToPlanningInput, @Ctx() { principal }: Context) {
    return this.planning.add(principal, input);
  }

  @Mutation(() => PlanningEntry, { description: 'Đưa ra khỏi quy hoạch từ ngày hiệu lực / take off the planning list from the effective date' })
  removeFromCadrePlanning(@Arg('id', () => ID) id: string, @Arg('input') input: RemoveFromPlanningInput, @Ctx() { principal }: Context) {
    return this.planning.remove(principal, id, input);
  }

  @Query(() => PlanningList, { description: 'Danh sách quy hoạch của một đơn vị theo nhiệm kỳ, với tỉ lệ trẻ, nữ, dân tộc thiểu số / a unit’s planning list for a term, with its shares' })
  cadrePlanning(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('term', { description: 'Nhiệm kỳ, vd. 2025-2030 / the term' }) term: string,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.lists.of(principal, unitCode, term, asOfDate(asOf));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Người được quy hoạch, như vào ngày tra cứu (null ngoài địa bàn) / the person as of the date asked' })
  person(@Root() entry: PlanningEntry, @Ctx() { principal }: Context) {
    return entry.person ?? this.people.byId(principal, entry.personId, entry.asOf);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() entry: PlanningEntry, @Ctx() { loaders }: Context) {
    return entry.decisionId ? loaders.decisionById.load(entry.decisionId) : null;
  }
}
