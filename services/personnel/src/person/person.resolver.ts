import {
  AS_OF_ARGUMENT,
  asOfDate,
  Decision,
  type DecisionLoaders,
  LocalDate,
} from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import type { Tier } from '@ps/auth';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actsFor } from '../management/management.guard';
import type { ManagementLoaders } from '../management/management.loaders';
import { ManagingAuthorityView } from '../management/managing-authority.type';
import { Person } from './person.entity';
import { RecordQualificationsInput, RegisterPersonInput } from './person.inputs';
import type { PersonLoaders } from './person.loaders';
import type { PersonService } from './person.service';
import { PersonalData } from './personal-data.type';

type Context = RequestContext<PersonLoaders & ManagementLoaders & DecisionLoaders>;

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

  @Mutation(() => Person, { description: 'Ghi trình độ, ngạch, bậc lương từ ngày hiệu lực / record qualifications, rank and salary grade from the effective date' })
  recordQualifications(@Arg('input') input: RecordQualificationsInput, @Ctx() { principal }: Context) {
    return this.personService.recordQualifications(principal, input);
  }

  @FieldResolver(() => PersonalData, {
    nullable: true,
    description:
      'Số định danh, ngày sinh, quê quán, quan hệ gia đình như vào ngày asOf của hồ sơ: đầy đủ cho cơ quan quản lý (ghi nhật ký), che với người khác / personal data and family as of the record’s date: in full to the managing body (audited), masked for others',
  })
  personalData(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.personalDataOn.load({ id: person.id, asOf: person.asOf });
  }

  @FieldResolver(() => [ManagingAuthorityView], {
    description: 'Cơ quan quản lý theo phân cấp vào ngày asOf của hồ sơ (trống: chưa có quy định) / who manages the person then, by decentralisation (empty: no rule)',
  })
  managedBy(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.managingAuthoritiesOn.load({ id: person.id, asOf: person.asOf });
  }

  @FieldResolver(() => Boolean, {
    description: 'Bạn thuộc cơ quan quản lý người này vào ngày asOf của hồ sơ: được ghi hồ sơ / you act for the body managing the person then, so you may write their file',
  })
  async managedByMe(@Root() person: Person, @Ctx() { loaders, principal }: Context): Promise<boolean> {
    const authorities = await loaders.managingAuthoritiesOn.load({ id: person.id, asOf: person.asOf });
    return authorities.some((authority) => actsFor(principal, { ...authority, tier: authority.tier as Tier }));
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() person: Person, @Ctx() { loaders }: Context) {
    return person.decisionId ? loaders.decisionById.load(person.decisionId) : null;
  }
}
