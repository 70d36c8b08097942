import { OutsideTerritoryError } from '@ps/auth';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from './unit.entity';
import { CreateUnitInput } from './unit.inputs';
import type { UnitLoaders } from './unit.loaders';
import type { UnitService } from './unit.service';

type Context = RequestContext<UnitLoaders>;

@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  constructor(private readonly unitService: UnitService) {}

  @Query(() => AdministrativeUnit, {
    nullable: true,
    description: 'Một đơn vị trong địa bàn của bạn / one unit of your territory (null if it does not exist)',
  })
  async unit(@Arg('code', () => ID) code: string, @Ctx() { loaders }: Context) {
    const unit = await loaders.unitByCode.load(code);
    if (!unit && (await this.unitService.exists(code))) throw new OutsideTerritoryError(code);
    return unit;
  }

  @Query(() => [AdministrativeUnit], {
    description: 'Đơn vị trực thuộc parentCode trong địa bàn của bạn; không có parentCode: đơn vị của bạn',
  })
  async units(
    @Arg('parentCode', () => ID, { nullable: true }) parentCode: string | null,
    @Ctx() { principal, loaders }: Context,
  ) {
    if (parentCode) return loaders.childrenOf.load(parentCode);
    const own = await loaders.unitByCode.load(principal.unitCode);
    return own ? [own] : [];
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'Đơn vị trực thuộc / direct children' })
  children(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return loaders.childrenOf.load(unit.code);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Đơn vị cấp trên / parent unit' })
  parent(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return unit.parentCode ? loaders.unitByCode.load(unit.parentCode) : null;
  }

  @Mutation(() => AdministrativeUnit, { description: 'Thành lập đơn vị / establish a unit (cấp trên thực hiện)' })
  createUnit(@Arg('input') input: CreateUnitInput, @Ctx() { principal }: Context) {
    return this.unitService.create(principal, input);
  }
}

/** Federation: other subgraphs reference units by code; resolved in one batch per request. */
export const unitReferenceResolvers = {
  AdministrativeUnit: {
    __resolveReference: (reference: { code: string }, { loaders }: Context) => loaders.unitByCode.load(reference.code),
  },
};
