import { AS_OF_ARGUMENT, asOfDate, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DownsizingAssessment } from './downsizing-assessment.type';
import { DownsizingCandidate, DownsizingCandidateStatus } from './downsizing-candidate.entity';
import { Downsizing, DownsizingRule, PersonCircumstance } from './downsizing.entity';
import { DecideDownsizingInput, RecordCircumstanceInput } from './downsizing.inputs';
import type { DownsizingService } from './downsizing.service';

type Context = RequestContext<object>;

@Resolver()
export class DownsizingResolver {
  constructor(private readonly downsizing: DownsizingService) {}

  @Query(() => [DownsizingRule], { description: 'Căn cứ và trường hợp chưa xem xét tinh giản có hiệu lực vào ngày asOf / the downsizing rules in force' })
  downsizingRules(@Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null) {
    return this.downsizing.rules(asOfDate(asOf));
  }

  @Query(() => DownsizingAssessment, { description: 'Đối chiếu một người với quy định tinh giản vào ngày asOf / check a downsizing against the rules in force' })
  downsizingCheck(
    @Arg('personId', () => ID) personId: string,
    @Arg('groundCode') groundCode: string,
    @Arg('volunteered', { defaultValue: false }) volunteered: boolean,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.downsizing.assess(principal, personId, groundCode, volunteered, asOfDate(asOf));
  }

  @Query(() => [DownsizingCandidate], {
    description: 'Đề xuất tinh giản từ kết quả xếp loại năm của một đơn vị và cấp dưới trong địa bàn (mọi trạng thái nếu không chọn) / candidates from the ratings of a year, in your territory',
  })
  downsizingCandidates(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('status', () => DownsizingCandidateStatus, { nullable: true }) status: DownsizingCandidateStatus | null,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.downsizing.candidates(principal, unitCode, year, status ?? null, asOfDate(asOf));
  }

  @Mutation(() => PersonCircumstance, { description: 'Ghi nhận hoàn cảnh chưa xem xét tinh giản / record a circumstance deferring downsizing' })
  recordCircumstance(@Arg('input') input: RecordCircumstanceInput, @Ctx() { principal }: Context) {
    return this.downsizing.recordCircumstance(principal, input);
  }

  @Mutation(() => Downsizing, { description: 'Quyết định tinh giản biên chế theo quy định có hiệu lực / decide a downsizing under the rules in force' })
  decideDownsizing(@Arg('input') input: DecideDownsizingInput, @Ctx() { principal }: Context) {
    return this.downsizing.decide(principal, input);
  }
}
