import { Decision, type DecisionLoaders, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RatingRuleSet } from './rule-set.entity';
import { RecordRatingRuleSetInput } from './rule-set.inputs';
import { RuleSubject } from './rule-set.kinds';
import type { RatingRuleSetService } from './rule-set.service';

type Context = RequestContext<DecisionLoaders>;

@Resolver(() => RatingRuleSet)
export class RatingRuleSetResolver {
  constructor(private readonly ruleSets: RatingRuleSetService) {}

  @Query(() => [RatingRuleSet], {
    description: 'Các bộ quy tắc xếp loại có hiệu lực vào ngày asOf (bỏ trống: mọi bộ, cả trước và sau) / rating rule sets in force on asOf (omitted: all of them)',
  })
  ratingRuleSets(
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf: string | null,
    @Arg('appliesTo', () => RuleSubject, { nullable: true }) appliesTo: RuleSubject | null,
  ) {
    return this.ruleSets.list(asOf ?? null, appliesTo ?? null);
  }

  @Query(() => RatingRuleSet, {
    nullable: true,
    description: 'Bộ quy tắc áp dụng cho đối tượng vào ngày của kỳ đánh giá / the rule set in force for a subject on a date',
  })
  ratingRuleSetInForce(@Arg('date', () => LocalDate) date: string, @Arg('appliesTo', () => RuleSubject) appliesTo: RuleSubject) {
    return this.ruleSets.inForce(date, appliesTo);
  }

  @Mutation(() => RatingRuleSet, { description: 'Ghi nhận bộ quy tắc xếp loại mới (trung ương) / record a rating rule set (the centre)' })
  recordRatingRuleSet(@Arg('input') input: RecordRatingRuleSetInput, @Ctx() { principal }: Context) {
    return this.ruleSets.record(principal, input);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định ghi nhận; null với dữ liệu ban đầu / decision that recorded it' })
  decision(@Root() set: RatingRuleSet, @Ctx() { loaders }: Context) {
    return set.decisionId ? loaders.decisionById.load(set.decisionId) : null;
  }
}
