import { AS_OF_ARGUMENT, asOfDate, Decision, type DecisionLoaders, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Assignment } from './assignment.entity';
import { AssignInput, EndAssignmentInput, TransferAssignmentInput } from './assignment.inputs';
import type { AssignmentService } from './assignment.service';
import { ConcurrentTitleHolder } from './concurrent-title-holder.type';

type Context = RequestContext<DecisionLoaders>;

@Resolver(() => Assignment)
export class AssignmentResolver {
  constructor(private readonly assignments: AssignmentService) {}

  @Mutation(() => Assignment, { description: 'Phân công, bổ nhiệm từ ngày hiệu lực (lấp ghế khi có seatId) / assign from the effective date (filling a seat)' })
  assign(@Arg('input') input: AssignInput, @Ctx() { principal }: Context) {
    return this.assignments.assign(principal, input);
  }

  @Mutation(() => Assignment, {
    description: 'Điều động, luân chuyển từ ngày hiệu lực: chấm dứt (TRANSFERRED) và phân công mới theo một quyết định / move to another post on one decision',
  })
  transferAssignment(@Arg('id', () => ID) id: string, @Arg('input') input: TransferAssignmentInput, @Ctx() { principal }: Context) {
    return this.assignments.transfer(principal, id, input);
  }

  @Mutation(() => Assignment, { description: 'Chấm dứt phân công từ ngày hiệu lực / end an assignment on the effective date' })
  endAssignment(@Arg('id', () => ID) id: string, @Arg('input') input: EndAssignmentInput, @Ctx() { principal }: Context) {
    return this.assignments.end(principal, id, input);
  }

  @Query(() => [ConcurrentTitleHolder], {
    description: 'Người giữ đồng thời mọi chức danh đã nêu trong một đơn vị, trong đơn vị và cấp dưới / people holding all the titles at once, per unit below',
  })
  concurrentTitleHolders(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('titleCodes', () => [String]) titleCodes: string[],
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.assignments.concurrentTitleHolders(principal, unitCode, titleCodes, asOfDate(asOf));
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() assignment: Assignment, @Ctx() { loaders }: Context) {
    return assignment.decisionId ? loaders.decisionById.load(assignment.decisionId) : null;
  }
}
