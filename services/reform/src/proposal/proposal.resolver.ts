import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { Organization } from '../territory/organization.type';
import { AdministrativeUnit } from '../territory/administrative-unit.type';
import { ProposalStep, StaffingProposal } from './proposal.entity';
import { DraftStaffingProposalInput, ProposalStepInput } from './proposal.inputs';
import { ProposalStatus } from './proposal.kinds';
import type { ProposalLoaders } from './proposal.loaders';
import type { ProposalQueries } from './proposal.queries';
import type { ProposalService } from './proposal.service';

type Context = RequestContext<ProposalLoaders>;

enum AwaitedProposalStep {
  APPRAISAL = 'APPRAISAL',
  APPROVAL = 'APPROVAL',
}
registerEnumType(AwaitedProposalStep, { name: 'AwaitedProposalStep', description: 'Bước đang chờ: thẩm định hoặc phê duyệt / the step waited for' });

const STATUS_ARG = { nullable: true, description: 'Chỉ đề án ở trạng thái này / only proposals in this status' };
const STEP_INPUT = { description: 'Đề án, ý kiến hoặc lý do, quyết định / the proposal, opinion or reason, decision' };

@Resolver(() => StaffingProposal)
export class ProposalResolver {
  constructor(private readonly proposals: ProposalService, private readonly queries: ProposalQueries) {}

  @Query(() => StaffingProposal, { nullable: true, description: 'Một đề án biên chế (null ngoài địa bàn) / a staffing proposal (null outside your territory)' })
  staffingProposal(@Arg('id', () => ID) id: string, @Ctx() { principal }: Context) {
    return this.queries.byId(principal, id);
  }

  @Query(() => [StaffingProposal], {
    description: 'Đề án chờ tôi thẩm định hoặc phê duyệt, trong địa bàn / proposals waiting for my appraisal or approval, inside my territory',
  })
  staffingProposalsAwaiting(@Arg('step', () => AwaitedProposalStep) step: AwaitedProposalStep, @Ctx() { principal }: Context) {
    return this.queries.awaiting(principal, step);
  }

  @Mutation(() => StaffingProposal, { description: 'Lập đề án biên chế / draft a staffing proposal' })
  draftStaffingProposal(@Arg('input') input: DraftStaffingProposalInput, @Ctx() { principal }: Context) {
    return this.proposals.draft(principal, input);
  }

  @Mutation(() => StaffingProposal, { description: 'Trình đề án lên cấp trên / submit a proposal to the tier above' })
  submitStaffingProposal(@Arg('input', STEP_INPUT) input: ProposalStepInput, @Ctx() { principal }: Context) {
    return this.proposals.step(principal, 'submitStaffingProposal', input);
  }

  @Mutation(() => StaffingProposal, { description: 'Thẩm định đề án (Ban Tổ chức, Nội vụ cấp trên) / appraise a proposal (organization body of the tier above)' })
  appraiseStaffingProposal(@Arg('input', STEP_INPUT) input: ProposalStepInput, @Ctx() { principal }: Context) {
    return this.proposals.step(principal, 'appraiseStaffingProposal', input);
  }

  @Mutation(() => StaffingProposal, { description: 'Phê duyệt đề án (cấp có thẩm quyền) / approve a proposal (the competent tier)' })
  approveStaffingProposal(@Arg('input', STEP_INPUT) input: ProposalStepInput, @Ctx() { principal }: Context) {
    return this.proposals.step(principal, 'approveStaffingProposal', input);
  }

  @Mutation(() => StaffingProposal, { description: 'Không phê duyệt đề án, nêu lý do / reject a proposal, with the reason' })
  rejectStaffingProposal(@Arg('input', STEP_INPUT) input: ProposalStepInput, @Ctx() { principal }: Context) {
    return this.proposals.step(principal, 'rejectStaffingProposal', input);
  }

  @Mutation(() => StaffingProposal, { description: 'Rút đề án, nêu lý do / withdraw a proposal, with the reason' })
  withdrawStaffingProposal(@Arg('input', STEP_INPUT) input: ProposalStepInput, @Ctx() { principal }: Context) {
    return this.proposals.step(principal, 'withdrawStaffingProposal', input);
  }

  @FieldResolver(() => [ProposalStep], { description: 'Các bước đã xử lý, theo thứ tự / the steps taken, in order' })
  steps(@Root() proposal: StaffingProposal, @Ctx() { loaders }: Context) {
    return loaders.proposalSteps.load(proposal.id);
  }
}

const PROPOSALS = {
  // Nullable so that, with the reform service down, the gateway answers null here and the rest of the entity.
  nullable: true,
  description: 'Đề án biên chế (rỗng ngoài địa bàn; null khi dịch vụ cải cách không phản hồi) / staffing proposals (empty outside your territory; null while reform is unavailable)',
};

/** `AdministrativeUnit.proposals`, batched per request. */
@Resolver(() => AdministrativeUnit)
export class UnitProposalsResolver {
  @FieldResolver(() => [StaffingProposal], PROPOSALS)
  proposals(@Root() unit: AdministrativeUnit, @Arg('status', () => ProposalStatus, STATUS_ARG) status: ProposalStatus | null, @Ctx() { loaders }: Context) {
    return loaders.proposalsOfUnit.load({ id: unit.code, status: status ?? null });
  }
}

/** `Organization.proposals`, batched per request. */
@Resolver(() => Organization)
export class OrganizationProposalsResolver {
  @FieldResolver(() => [StaffingProposal], PROPOSALS)
  proposals(@Root() organization: Organization, @Arg('status', () => ProposalStatus, STATUS_ARG) status: ProposalStatus | null, @Ctx() { loaders }: Context) {
    return loaders.proposalsOfOrganization.load({ id: organization.id, status: status ?? null });
  }
}
