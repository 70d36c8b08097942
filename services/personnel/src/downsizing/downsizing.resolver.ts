import { AS_OF_ARGUMENT, asOfDate, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Downsizing, DownsizingCandidate, DownsizingRule, PersonCircumstance } from './downsizing.entity';
import { DecideDownsizingInput, RecordCircumstanceInput } from './downsizing.inputs';
import type { DownsizingService } from './downsizing.service';

@ObjectType({ description: 'Một trường hợp chưa xem xét tinh giản, đối chiếu với người này / one exclusion, checked for the person' })
class ExclusionFinding {
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'Văn bản, điều khoản / source' }) source!: string;
  @Field({ description: 'Người này thuộc trường hợp này / applies to the person' }) applies!: boolean;
  @Field({ description: 'Được bỏ qua vì tự nguyện / waived by volunteering' }) waived!: boolean;
  @Field({ description: 'Vì sao / why' }) reason!: string;
}

@ObjectType({ description: 'Kết quả đối chiếu quy định tinh giản / whether a downsizing is allowed, and why' })
class DownsizingAssessment {
  @Field() groundCode!: string;
  @Field(() => DownsizingRule, { nullable: true, description: 'Căn cứ (null: không có hiệu lực vào ngày đó) / the ground, null when not in force' })
  ground!: DownsizingRule | null;
  @Field(() => [ExclusionFinding]) exclusions!: ExclusionFinding[];
  @Field({ description: 'Được quyết định tinh giản / allowed' }) allowed!: boolean;
}

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

  @Query(() => [DownsizingCandidate], { description: 'Đề xuất tinh giản từ kết quả đánh giá của một đơn vị và cấp dưới / candidates from evaluation' })
  downsizingCandidates(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.downsizing.candidates(principal, unitCode, year, asOfDate(asOf));
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
