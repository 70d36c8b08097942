import { asOfDate, Decision, type DecisionLoaders, ENTITY_AS_OF_ARGUMENT, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { Organization } from '../organization/organization.type';
import { PartyMembership } from './party-membership.entity';
import { AdmitPartyMemberInput, EndPartyMembershipInput, TransferPartyMembershipInput } from './party-membership.inputs';
import type { PartyMembershipLoaders } from './party-membership.loaders';
import type { PartyMembershipService } from './party-membership.service';

type Context = RequestContext<PartyMembershipLoaders & DecisionLoaders>;

@Resolver(() => PartyMembership)
export class PartyMembershipResolver {
  constructor(private readonly memberships: PartyMembershipService) {}

  @Mutation(() => PartyMembership, { description: 'Kết nạp đảng viên từ ngày hiệu lực / admit a Party member from the effective date' })
  admitPartyMember(@Arg('input') input: AdmitPartyMemberInput, @Ctx() { principal }: Context) {
    return this.memberships.admit(principal, input);
  }

  @Mutation(() => PartyMembership, { description: 'Chuyển sinh hoạt đảng từ ngày hiệu lực / transfer a membership from the effective date' })
  transferPartyMembership(@Arg('id', () => ID) id: string, @Arg('input') input: TransferPartyMembershipInput, @Ctx() { principal }: Context) {
    return this.memberships.transfer(principal, id, input);
  }

  @Mutation(() => PartyMembership, { description: 'Chấm dứt đảng tịch từ ngày hiệu lực / end a membership on the effective date' })
  endPartyMembership(@Arg('id', () => ID) id: string, @Arg('input') input: EndPartyMembershipInput, @Ctx() { principal }: Context) {
    return this.memberships.end(principal, id, input);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() membership: PartyMembership, @Ctx() { loaders }: Context) {
    return membership.decisionId ? loaders.decisionById.load(membership.decisionId) : null;
  }
}

const COUNT = (what: string) => ({
  nullable: true,
  description: `Số đảng viên ${what} vào ngày asOf / Party members as of a date (null outside your territory or when not in force)`,
});

@Resolver(() => AdministrativeUnit)
export class UnitPartyMembersResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, COUNT('của các tổ chức Đảng trong đơn vị và cấp dưới'))
  partyMemberCount(
    @Root() unit: AdministrativeUnit,
    @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.unitPartyMembersOn.load({ code: unit.code, asOf: asOfDate(asOf ?? unit.asOf) });
  }
}

@Resolver(() => Organization)
export class OrganizationPartyMembersResolver {
  @Directive('@requires(fields: "asOf")')
  @FieldResolver(() => Int, COUNT('của tổ chức Đảng này'))
  partyMemberCount(
    @Root() organization: Organization,
    @Arg('asOf', () => LocalDate, ENTITY_AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.organizationPartyMembersOn.load({ id: organization.id, asOf: asOfDate(asOf ?? organization.asOf) });
  }
}
