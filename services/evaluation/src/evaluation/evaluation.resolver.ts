import { Decision, type DecisionLoaders } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EvaluationDecisionService } from './evaluation.decision';
import { Evaluation, EvaluationAppeal, EvaluationStep } from './evaluation.entity';
import { DecideRatingsInput, FileRatingAppealInput, OpenEvaluationInput, ProposeRatingInput, RecordSelfAssessmentInput, RecordStaffMeetingCommentsInput, ResolveRatingAppealInput } from './evaluation.inputs';
import { EvaluationStatus } from './evaluation.kinds';
import type { EvaluationWorkflowLoaders } from './evaluation.loaders';
import type { EvaluationService } from './evaluation.service';
import { EvaluationAppliedRule } from './evaluation.types';

type Context = RequestContext<EvaluationWorkflowLoaders & DecisionLoaders>;

/** The rating workflow: self-assessment → staff meeting → manager's proposal → head's decision → appeals. */
@Resolver(() => Evaluation)
export class EvaluationResolver {
  constructor(
    private readonly workflow: EvaluationService,
    private readonly decisions: EvaluationDecisionService,
  ) {}

  @Query(() => Evaluation, { nullable: true, description: 'Một phiếu đánh giá (null ngoài địa bàn) / one evaluation (null outside your territory)' })
  evaluation(@Arg('id', () => ID) id: string, @Ctx() { principal }: Context) {
    return this.workflow.get(principal, id);
  }

  @Query(() => [Evaluation], { description: 'Các phiếu đánh giá năm của đơn vị (không có ngoài địa bàn) / a unit’s evaluations of a year (none outside your territory)' })
  evaluations(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('status', () => EvaluationStatus, { nullable: true }) status: EvaluationStatus | null,
    @Ctx() { principal }: Context,
  ) {
    return this.workflow.list(principal, unitCode, year, status ?? null);
  }

  @Mutation(() => Evaluation, { description: 'Mở phiếu đánh giá năm của một người / open a person’s evaluation of a year' })
  openEvaluation(@Arg('input') input: OpenEvaluationInput, @Ctx() { principal }: Context) {
    return this.workflow.open(principal, input);
  }

  @Mutation(() => Evaluation, { description: 'Ghi bản tự đánh giá, xếp loại / record the self-assessment' })
  recordSelfAssessment(@Arg('input') input: RecordSelfAssessmentInput, @Ctx() { principal }: Context) {
    return this.workflow.recordSelfAssessment(principal, input);
  }

  @Mutation(() => Evaluation, { description: 'Ghi ý kiến của tập thể tại cuộc họp / record the staff meeting’s comments' })
  recordStaffMeetingComments(@Arg('input') input: RecordStaffMeetingCommentsInput, @Ctx() { principal }: Context) {
    return this.workflow.recordStaffMeetingComments(principal, input);
  }

  @Mutation(() => Evaluation, { description: 'Người quản lý trực tiếp đề xuất mức xếp loại / the direct manager proposes a level' })
  proposeRating(@Arg('input') input: ProposeRatingInput, @Ctx() { principal }: Context) {
    return this.workflow.proposeRating(principal, input);
  }

  @Mutation(() => [Evaluation], {
    description: 'Người đứng đầu quyết định xếp loại một đợt (áp quy tắc, kiểm tra tỷ lệ, thông báo kết quả) / the head decides a batch of ratings (rules, quotas, results announced)',
  })
  decideRatings(@Arg('input') input: DecideRatingsInput, @Ctx() { principal }: Context) {
    return this.decisions.decide(principal, input);
  }

  @Mutation(() => EvaluationAppeal, { description: 'Khiếu nại kết quả xếp loại / appeal a decided rating' })
  fileRatingAppeal(@Arg('input') input: FileRatingAppealInput, @Ctx() { principal }: Context) {
    return this.workflow.fileAppeal(principal, input);
  }

  @Mutation(() => EvaluationAppeal, { description: 'Giải quyết khiếu nại; chấp nhận thì xếp loại lại / resolve an appeal; upheld, it re-rates' })
  resolveRatingAppeal(@Arg('input') input: ResolveRatingAppealInput, @Ctx() { principal }: Context) {
    return this.decisions.resolveAppeal(principal, input);
  }

  @FieldResolver(() => [EvaluationStep], { description: 'Các bước đã ghi, theo thứ tự / the steps recorded, in order' })
  steps(@Root() evaluation: Evaluation, @Ctx() { loaders }: Context) {
    return loaders.evaluationSteps.load(evaluation.id);
  }

  @FieldResolver(() => [EvaluationAppeal], { description: 'Các khiếu nại / the appeals' })
  appeals(@Root() evaluation: Evaluation, @Ctx() { loaders }: Context) {
    return loaders.evaluationAppeals.load(evaluation.id);
  }

  @FieldResolver(() => [EvaluationAppliedRule], { description: 'Các quy tắc đã hạ mức được chọn (văn bản, điều khoản) / the rules that lowered the level chosen' })
  appliedRules(@Root() evaluation: Evaluation): EvaluationAppliedRule[] {
    return evaluation.judgement?.applied ?? [];
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định xếp loại (lần gần nhất) / the deciding decision (latest)' })
  decision(@Root() evaluation: Evaluation, @Ctx() { loaders }: Context) {
    return evaluation.decisionId ? loaders.decisionById.load(evaluation.decisionId) : null;
  }
}
