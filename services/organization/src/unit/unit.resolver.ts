import { isNational } from '@ps/auth';
import type { RequestContext } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { requireUnit } from './unit.access';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from './unit.entity';
import { CreateUnitInput } from './unit.inputs';
import type { UnitLoaders } from './unit.loaders';
import type { UnitService } from './unit.service';
import { asOfDate, stampAsOf, todayInVietnam, LocalDate } from '@ps/effective-dating';

type Context = RequestContext<UnitLoaders>;

const AS_OF = { nullable: true, description: 'Ngày tra cứu (mặc định: hôm nay) / as of this date (default: today)' };

@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitService: UnitService,
  ) {}

  @Query(() => AdministrativeUnit, {
    nullable: true,
    description:
      'Một đơn vị trong địa bàn của bạn, như vào ngày asOf; NOT_IN_FORCE nêu ngày hết hiệu lực và đơn vị thay thế / one unit as of a date',
  })
  async unit(
    @Arg('code', () => ID) code: string,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    const date = asOfDate(asOf);
    return stampAsOf(await requireUnit(this.dataSource.manager, principal, code, date), date);
  }

  @Query(() => [AdministrativeUnit], {
    description: 'Đơn vị trực thuộc parentCode trong địa bàn của bạn; không có parentCode: đơn vị của bạn',
  })
  async units(
    @Arg('parentCode', () => ID, { nullable: true }) parentCode: string | null,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Ctx() { principal, loaders }: Context,
  ) {
    const date = asOfDate(asOf);
    // Children the caller may see, even under a parent outside its territory (An Lập's admin lists 720's: An Lập).
    if (parentCode) return loaders.childrenOn.load({ code: parentCode, asOf: date });
    if (isNational(principal)) return this.unitService.roots(principal, date);
    const own = await loaders.unitOn.load({ code: principal.unitCode, asOf: date });
    return own ? [own] : [];
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'Đơn vị trực thuộc (cùng ngày tra cứu) / direct children' })
  children(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return loaders.childrenOn.load({ code: unit.code, asOf: unit.asOf });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Đơn vị cấp trên / parent unit' })
  parent(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return unit.parentCode ? loaders.unitOn.load({ code: unit.parentCode, asOf: unit.asOf }) : null;
  }

  @Mutation(() => AdministrativeUnit, { description: 'Thành lập đơn vị theo quyết định của cơ quan có thẩm quyền / establish a unit on the competent body’s decision' })
  createUnit(@Arg('input') input: CreateUnitInput, @Ctx() { principal }: Context) {
    return this.unitService.create(principal, input);
  }
}

/** Federation: other subgraphs reference units by code; resolved as of today, one batch per request. */
export const unitReferenceResolvers = {
  AdministrativeUnit: {
    __resolveReference: (reference: { code: string }, { loaders }: Context) =>
      loaders.unitOn.load({ code: reference.code, asOf: todayInVietnam() }),
  },
};
