import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { Person } from './person.entity';
import { RegisterPersonInput } from './person.inputs';
import type { PersonLoaders } from './person.loaders';
import type { PersonService } from './person.service';

type Context = RequestContext<PersonLoaders>;

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly personService: PersonService) {}

  @Query(() => [Person], { description: 'Cán bộ của một đơn vị trong địa bàn / staff of a unit in your territory' })
  people(@Arg('unitCode', () => ID) unitCode: string, @Ctx() { principal }: Context) {
    return this.personService.inUnit(principal, unitCode);
  }

  @Mutation(() => Person, { description: 'Tiếp nhận cán bộ / register a person on a unit’s staff' })
  registerPerson(@Arg('input') input: RegisterPersonInput, @Ctx() { principal }: Context) {
    return this.personService.register(principal, input);
  }
}

@Resolver(() => AdministrativeUnit)
export class UnitStaffResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Số người trong biên chế / people on the staff (null outside your territory)',
  })
  headcount(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return loaders.headcountOf.load(unit.code);
  }
}
