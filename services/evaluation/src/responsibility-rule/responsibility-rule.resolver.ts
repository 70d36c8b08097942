import { asOfDate, AS_OF_ARGUMENT, Decision, type DecisionLoaders, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ResponsibilityRule } from './responsibility-rule.entity';
import { RecordResponsibilityRuleInput } from './responsibility-rule.inputs';
import type { ResponsibilityRuleService } from './responsibility-rule.service';

type Context = RequestContext<DecisionLoaders>;

@Resolver(() => ResponsibilityRule)
export class ResponsibilityRuleResolver {
  constructor(private readonly rules: ResponsibilityRuleService) {}

  @Query(() => [ResponsibilityRule], {
    description:
      'Quy định trách nhiệm công việc của đơn vị có hiệu lực vào ngày asOf, theo tổ chức, chức danh / a unit’s job-responsibility rules as of a date (none outside your territory)',
  })
  responsibilityRules(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Arg('titleCode', () => String, { nullable: true }) titleCode: string | null,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.rules.list(principal, { unitCode, organizationId: organizationId ?? null, titleCode: titleCode ?? null, asOf: asOfDate(asOf) });
  }

  @Mutation(() => ResponsibilityRule, {
    description: 'Ghi nhận (hoặc thay thế từ ngày hiệu lực) quy định trách nhiệm công việc / record or supersede a job-responsibility rule',
  })
  recordResponsibilityRule(@Arg('input') input: RecordResponsibilityRuleInput, @Ctx() { principal }: Context) {
    return this.rules.record(principal, input);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định ban hành / decision that recorded it' })
  decision(@Root() rule: ResponsibilityRule, @Ctx() { loaders }: Context) {
    return rule.decisionId ? loaders.decisionById.load(rule.decisionId) : null;
  }
}
