import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Organization } from './organization.entity';
import type { OrganizationContext } from './organization.resolver';
import { OrganizationSeat } from './seat.entity';
import { AddSeatInput, ChangeSeatInput } from './seat.inputs';
import type { SeatService } from './seat.service';
import { Decision, EffectiveChangeInput } from '@ps/effective-dating';

@Resolver(() => OrganizationSeat)
export class SeatResolver {
  constructor(private readonly seats: SeatService) {}

  @Mutation(() => OrganizationSeat, { description: 'Thêm vị trí cho tổ chức (cán bộ nghiệp vụ) / add a seat (officers)' })
  addSeat(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input') input: AddSeatInput,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.seats.add(principal, organizationId, input);
  }

  @Mutation(() => OrganizationSeat, { description: 'Thay đổi vị trí từ ngày hiệu lực / change a seat from the effective date' })
  changeSeat(@Arg('id', () => ID) id: string, @Arg('input') input: ChangeSeatInput, @Ctx() { principal }: OrganizationContext) {
    return this.seats.change(principal, id, input);
  }

  @Mutation(() => OrganizationSeat, { description: 'Bãi bỏ vị trí; trả về như vào ngày cuối cùng có hiệu lực / close a seat; answers its last day' })
  closeSeat(
    @Arg('id', () => ID) id: string,
    @Arg('change', () => EffectiveChangeInput) change: EffectiveChangeInput,
    @Ctx() { principal }: OrganizationContext,
  ) {
    return this.seats.close(principal, id, change);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Tổ chức có vị trí này (cùng ngày tra cứu) / its organization' })
  organization(@Root() seat: OrganizationSeat, @Ctx() { loaders }: OrganizationContext) {
    return loaders.organizationOn.load({ id: seat.organizationId, asOf: seat.asOf });
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() seat: OrganizationSeat, @Ctx() { loaders }: OrganizationContext) {
    return seat.decisionId ? loaders.decisionById.load(seat.decisionId) : null;
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định bãi bỏ / decision that closed it' })
  closedDecision(@Root() seat: OrganizationSeat, @Ctx() { loaders }: OrganizationContext) {
    return seat.closedDecisionId ? loaders.decisionById.load(seat.closedDecisionId) : null;
  }
}
