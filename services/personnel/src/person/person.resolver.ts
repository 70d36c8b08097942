import {
  AS_OF_ARGUMENT,
  asOfDate,
  Decision,
  type DecisionLoaders,
  LocalDate,
} from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Person } from './person.entity';
import { RegisterPersonInput } from './person.inputs';
import type { PersonService } from './person.service';

type Context = RequestContext<DecisionLoaders>;

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly personService: PersonService) {}

  @Query(() => [Person], { description: 'Cán bộ của một đơn vị trong địa bàn, như vào ngày asOf / staff of a unit in your territory as of a date' })
  people(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.personService.inUnit(principal, unitCode, asOfDate(asOf));
  }

  @Query(() => Person, {
    nullable: true,
    description: 'Hồ sơ một người như vào ngày asOf (null nếu không có hoặc ngoài địa bàn) / a person as of a date (null when unknown or outside your territory)',
  })
  person(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.personService.byId(principal, id, asOfDate(asOf));
  }

  @Mutation(() => Person, { description: 'Tiếp nhận cán bộ từ ngày hiệu lực / register a person on a unit’s staff from the effective date' })
  registerPerson(@Arg('input') input: RegisterPersonInput, @Ctx() { principal }: Context) {
    return this.personService.register(principal, input);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() person: Person, @Ctx() { loaders }: Context) {
    return person.decisionId ? loaders.decisionById.load(person.decisionId) : null;
  }
}
