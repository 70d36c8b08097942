import { OutsideTerritoryError } from '@ps/auth';
import type { RequestContext } from '@ps/service-kit';
import { todayInVietnam } from '@ps/service-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asOfDate } from '../territory/validity';
import { AdministrativeUnit } from './unit.entity';
import { CreateUnitInput } from './unit.inputs';
import type { UnitLoaders } from './unit.loaders';
import type { UnitService } from './unit.service';

type Context = RequestContext<UnitLoaders>;

const AS_OF = { nullable: true, description: 'Ngày tra cứu (mặc định: hôm nay) / as of this date (default: today)' };

@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  constructor(private readonly unitService: UnitService) {}

  @Query(() => AdministrativeUnit, {
    nullable: true,
    description: 'Một đơn vị trong địa bàn của bạn, như vào ngày asOf / one unit of your territory as of a date',
  })
  async unit(
    @Arg('code', () => ID) code: string,
    @Arg('asOf', () => GraphQLLocalDate, AS_OF) asOf: string | null,
    @Ctx() { loaders }: Context,
  ) {
    const date = asOfDate(asOf);
    const unit = await loaders.unitOn.load({ code, asOf: date });
    // In force that day but not visible: outside the caller's territory. Not in force: null.
    if (!unit && (await this.unitService.existsOn(code, date))) throw new OutsideTerritoryError(code);
    return unit;
  }

  @Query(() => [AdministrativeUnit], {
    description: 'Đơn vị trực thuộc parentCode trong địa bàn của bạn; không có parentCode: đơn vị của bạn',
  })
  async units(
    @Arg('parentCode', () => ID, { nullable: true }) parentCode: string | null,
    @Arg('asOf', () => GraphQLLocalDate, AS_OF) asOf: string | null,
    @Ctx() { principal, loaders }: Context,
  ) {
    const date = asOfDate(asOf);
    if (parentCode) return loaders.childrenOn.load({ code: parentCode, asOf: date });
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

  @Mutation(() => AdministrativeUnit, { description: 'Thành lập đơn vị / establish a unit (cấp trên thực hiện)' })
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
