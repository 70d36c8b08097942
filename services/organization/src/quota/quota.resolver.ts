import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../unit/unit.entity';
import { QuotaHolderKind, QuotaMove, StaffingQuota } from './quota.entity';
import type { QuotaLoaders } from './quota.loaders';
import type { QuotaService } from './quota.service';
import { EffectiveChangeInput, asOfDate, LocalDate } from '@ps/effective-dating';

type Context = RequestContext<QuotaLoaders>;

const AS_OF = { nullable: true, description: 'Ngày tra cứu (mặc định: hôm nay) / as of this date (default: today)' };

@Resolver(() => StaffingQuota)
export class QuotaResolver {
  constructor(private readonly quotaService: QuotaService) {}

  @Query(() => StaffingQuota, {
    nullable: true,
    description: 'Biên chế của một đơn vị hoặc tổ chức vào ngày asOf / a holder’s staffing quota as of a date',
  })
  staffingQuota(
    @Arg('holderKind', () => QuotaHolderKind) kind: QuotaHolderKind,
    @Arg('holderId', () => ID) id: string,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.quotaService.quotaOf(principal, { kind, id }, asOfDate(asOf));
  }

  @Query(() => StaffingQuota, { nullable: true, description: 'Biên chế của một tổ chức / an organization’s staffing quota' })
  organizationQuota(
    @Arg('organizationId', () => ID) id: string,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.quotaService.quotaOf(principal, { kind: QuotaHolderKind.ORGANIZATION, id }, asOfDate(asOf));
  }

  @Query(() => [StaffingQuota], { description: 'Mọi phiên bản biên chế, cũ nhất trước / every version, oldest first' })
  quotaHistory(
    @Arg('holderKind', () => QuotaHolderKind) kind: QuotaHolderKind,
    @Arg('holderId', () => ID) id: string,
    @Ctx() { principal }: Context,
  ) {
    return this.quotaService.history(principal, { kind, id });
  }

  @Mutation(() => StaffingQuota, { description: 'Giao biên chế cho đơn vị (chỉ cấp trên) / set a unit’s quota (tier above only)' })
  setUnitQuota(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('amount', () => Int) amount: number,
    @Arg('change', () => EffectiveChangeInput) change: EffectiveChangeInput,
    @Ctx() { principal }: Context,
  ) {
    return this.quotaService.setUnitQuota(principal, unitCode, amount, change);
  }

  @Mutation(() => StaffingQuota, { description: 'Giao biên chế cho tổ chức / set an organization’s quota' })
  setOrganizationQuota(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('amount', () => Int) amount: number,
    @Arg('change', () => EffectiveChangeInput) change: EffectiveChangeInput,
    @Ctx() { principal }: Context,
  ) {
    return this.quotaService.setOrganizationQuota(principal, organizationId, amount, change);
  }

  @Mutation(() => QuotaMove, {
    description: 'Điều chuyển biên chế giữa hai tổ chức của một đơn vị / move quota between two organizations of one unit',
  })
  moveQuota(
    @Arg('fromOrganizationId', () => ID) fromId: string,
    @Arg('toOrganizationId', () => ID) toId: string,
    @Arg('amount', () => Int) amount: number,
    @Arg('change', () => EffectiveChangeInput) change: EffectiveChangeInput,
    @Ctx() { principal }: Context,
  ) {
    return this.quotaService.moveQuota(principal, fromId, toId, amount, change);
  }
}

/** `AdministrativeUnit.staffingQuota`, as of the unit's asOf, batched per request. */
@Resolver(() => AdministrativeUnit)
export class UnitQuotaResolver {
  @FieldResolver(() => StaffingQuota, { nullable: true, description: 'Biên chế được giao (cùng ngày tra cứu) / staffing quota' })
  staffingQuota(@Root() unit: AdministrativeUnit, @Ctx() { loaders }: Context) {
    return loaders.unitQuotaOn.load({ id: unit.code, asOf: unit.asOf });
  }
}
