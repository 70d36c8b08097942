import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../unit/unit.entity';
import type { UnitLoaders } from '../unit/unit.loaders';
import { LineageLink } from '../lineage/lineage.entity';
import type { LineageLoaders } from '../lineage/lineage.loaders';
import type { BoundaryService } from './boundary.service';
import { AdjustBoundaryInput, MergeUnitsInput, SplitUnitInput, UnitChangeInput } from './restructure.inputs';
import { RestructuringResult } from './restructure.result';
import type { RestructureService } from './restructure.service';
import type { UnitChangeService } from './unit-change.service';
import { Decision, type DecisionLoaders } from '@ps/effective-dating';

type Context = RequestContext<UnitLoaders & LineageLoaders & DecisionLoaders>;

/**
 * Restructuring mutations: each records a competent body's decision (the rule data says which
 * body decides and which tiers record it), inside the recorder's territory.
 */
@Resolver(() => RestructuringResult)
export class RestructureResolver {
  constructor(
    private readonly restructureService: RestructureService,
    private readonly unitChangeService: UnitChangeService,
    private readonly boundaryService: BoundaryService,
  ) {}

  @Mutation(() => RestructuringResult, {
    description: 'Điều chỉnh địa giới: một phần đơn vị chuyển sang đơn vị khác / boundary adjustment: part of a unit moves to another',
  })
  adjustBoundary(@Arg('input') input: AdjustBoundaryInput, @Ctx() { principal }: Context) {
    return this.boundaryService.adjust(principal, input);
  }

  @Mutation(() => RestructuringResult, { description: 'Hợp nhất đơn vị (N → 1) / merge units' })
  mergeUnits(@Arg('input') input: MergeUnitsInput, @Ctx() { principal }: Context) {
    return this.restructureService.merge(principal, input);
  }

  @Mutation(() => RestructuringResult, { description: 'Chia tách đơn vị (1 → N) / split a unit' })
  splitUnit(@Arg('input') input: SplitUnitInput, @Ctx() { principal }: Context) {
    return this.restructureService.split(principal, input);
  }

  @Mutation(() => RestructuringResult, { description: 'Giải thể đơn vị (successorCode: đơn vị nhận địa bàn) / dissolve a unit' })
  dissolveUnit(@Arg('input') input: UnitChangeInput, @Ctx() { principal }: Context) {
    return this.unitChangeService.dissolve(principal, input);
  }

  @Mutation(() => RestructuringResult, { description: 'Chuyển đơn vị sang cấp trên khác / move a unit' })
  moveUnit(@Arg('input') input: UnitChangeInput, @Ctx() { principal }: Context) {
    return this.unitChangeService.move(principal, input);
  }

  @Mutation(() => RestructuringResult, { description: 'Đổi tên đơn vị / rename a unit' })
  renameUnit(@Arg('input') input: UnitChangeInput, @Ctx() { principal }: Context) {
    return this.unitChangeService.rename(principal, input);
  }
}

/** Lineage and decision of a unit version. */
@Resolver(() => AdministrativeUnit)
export class UnitLineageResolver {
  @FieldResolver(() => [LineageLink], { description: 'Đơn vị tiền thân của phiên bản này / where this version came from' })
  predecessors(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return loaders.predecessorsOf.load(unit);
  }

  @FieldResolver(() => [LineageLink], { description: 'Đơn vị kế thừa khi phiên bản này kết thúc / what it became' })
  successors(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return unit.validTo ? loaders.successorsOf.load(unit) : [];
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / its decision' })
  decision(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return unit.decisionId ? loaders.decisionById.load(unit.decisionId) : null;
  }
}

@Resolver(() => LineageLink)
export class LineageLinkResolver {
  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description: 'Đơn vị ở đầu kia, như ngày trước/ngày hiệu lực (null nếu ngoài địa bàn) / the other unit',
  })
  unit(@Root() link: LineageLink, @Ctx() { loaders }: Context) {
    return loaders.unitOn.load({ code: link.code, asOf: link.readOn });
  }

  @FieldResolver(() => Decision, { nullable: true })
  decision(@Root() link: LineageLink, @Ctx() { loaders }: Context) {
    return link.decisionId ? loaders.decisionById.load(link.decisionId) : null;
  }
}
