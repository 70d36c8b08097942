import type { RequestContext } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { requireUnit } from '../unit/unit.access';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Duty } from '../duty/duty.entity';
import type { DutyLoaders } from '../duty/duty.loaders';
import { AdministrativeUnit } from '../unit/unit.entity';
import type { UnitLoaders } from '../unit/unit.loaders';
import type { OrganizationChangeService } from './organization-change.service';
import { Organization, OrganizationKind } from './organization.entity';
import { ChangeOrganizationInput, CreateOrganizationInput } from './organization.inputs';
import type { OrganizationLoaders } from './organization.loaders';
import { requireOrganization } from './organization.access';
import { OrganizationSeat } from './seat.entity';
import {
  asOfDate,
  Decision,
  type DecisionLoaders,
  EffectiveChangeInput,
  stampAsOf,
  todayInVietnam,
  LocalDate,
} from '@ps/effective-dating';

export type OrganizationContext = RequestContext<UnitLoaders & OrganizationLoaders & DutyLoaders & DecisionLoaders>;

export const AS_OF = { nullable: true, description: 'Ngày tra cứu (mặc định: hôm nay) / as of this date (default: today)' };

const ofKind = (organizations: Organization[], kind: OrganizationKind | null) =>
  kind ? organizations.filter((organization) => organization.kind === kind) : organizations;

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: OrganizationChangeService,
  ) {}

  @Query(() => Organization, {
    nullable: true,
    description:
      'Một tổ chức trong địa bàn của bạn, như vào ngày asOf; lỗi NOT_FOUND, NOT_IN_FORCE hoặc FORBIDDEN nếu không / one organization as of a date',
  })
  async organization(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Ctx() { principal }: OrganizationContext,
  ) {
    const date = asOfDate(asOf);
    return stampAsOf(await requireOrganization(this.dataSource.manager, principal, id, date), date);
  }

  @Query(() => [Organization], { description: 'Các tổ chức của một đơn vị, như vào ngày asOf / organizations of a unit as of a date' })
  async organizations(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('asOf', () => LocalDate, AS_OF) asOf: string | null,
    @Arg('kind', () => OrganizationKind, { nullable: true }) kind: OrganizationKind | null,
    @Ctx() { principal, loaders }: OrganizationContext,
  ) {
    const date = asOfDate(asOf);
    await requireUnit(this.dataSource.manager, principal, unitCode, date);
    return ofKind(await loaders.unitOrganizationsOn.load({ code: unitCode, asOf: date }), kind);
  }

  @Mutation(() => Organization, { description: 'Thành lập tổ chức (quản trị) / establish an organization (admins)' })
  createOrganization(@Arg('input') input: CreateOrganizationInput, @Ctx() { principal }: OrganizationContext) {
    return this.changes.create(principal, input);
  }

  @Mutation(() => Organization, { description: 'Thay đổi tổ chức từ ngày hiệu lực (quản trị) / change from the effective date (admins)' })
  changeOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ChangeOrganizationInput,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.changes.change(principal, id, input);
  }

  @Mutation(() => Organization, {
    description:
      'Giải thể tổ chức cùng các vị trí, nhiệm vụ; trả về phiên bản cuối như vào ngày cuối cùng có hiệu lực / close with its seats and duties; answers its last day',
  })
  closeOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('change', () => EffectiveChangeInput) change: EffectiveChangeInput,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.changes.close(principal, id, change);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Tổ chức cấp trên (cùng ngày tra cứu) / parent organization' })
  parent(@Root() organization: Organization, @Ctx() { loaders }: OrganizationContext) {
    return organization.parentId ? loaders.organizationOn.load({ id: organization.parentId, asOf: organization.asOf }) : null;
  }

  @FieldResolver(() => [Organization], { description: 'Tổ chức trực thuộc (cùng ngày tra cứu) / child organizations' })
  children(@Root() organization: Organization, @Ctx() { loaders }: OrganizationContext) {
    return loaders.childOrganizationsOn.load({ id: organization.id, asOf: organization.asOf });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Đơn vị hành chính (cùng ngày tra cứu) / its unit' })
  unit(@Root() organization: Organization, @Ctx() { loaders }: OrganizationContext) {
    return loaders.unitOn.load({ code: organization.unitCode, asOf: organization.asOf });
  }

  @FieldResolver(() => [OrganizationSeat], { description: 'Vị trí bầu cử, bổ nhiệm / elected and appointed seats' })
  seats(@Root() organization: Organization, @Ctx() { loaders }: OrganizationContext) {
    return loaders.seatsOn.load({ id: organization.id, asOf: organization.asOf });
  }

  @FieldResolver(() => [Duty], { description: 'Chức năng, nhiệm vụ / functions and duties' })
  duties(@Root() organization: Organization, @Ctx() { loaders }: OrganizationContext) {
    return loaders.dutiesOn.load({ id: organization.id, asOf: organization.asOf });
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() organization: Organization, @Ctx() { loaders }: OrganizationContext) {
    return organization.decisionId ? loaders.decisionById.load(organization.decisionId) : null;
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định giải thể / decision that closed it' })
  closedDecision(@Root() organization: Organization, @Ctx() { loaders }: OrganizationContext) {
    return organization.closedDecisionId ? loaders.decisionById.load(organization.closedDecisionId) : null;
  }
}

/** `AdministrativeUnit.organizations`: the unit's organizations as of the unit's own date. */
@Resolver(() => AdministrativeUnit)
export class UnitOrganizationsResolver {
  @FieldResolver(() => [Organization], { description: 'Tổ chức của đơn vị (cùng ngày tra cứu) / organizations of the unit' })
  async organizations(
    @Root() unit: AdministrativeUnit,
    @Arg('kind', () => OrganizationKind, { nullable: true }) kind: OrganizationKind | null,
    @Ctx() { loaders }: OrganizationContext,
  ) {
    return ofKind(await loaders.unitOrganizationsOn.load({ code: unit.code, asOf: unit.asOf }), kind);
  }
}

/** Federation: other subgraphs reference organizations by id; resolved as of today, one batch per request. */
export const organizationReferenceResolvers = {
  Organization: {
    __resolveReference: (reference: { id: string }, { loaders }: OrganizationContext) =>
      loaders.organizationOn.load({ id: reference.id, asOf: todayInVietnam() }),
  },
};
