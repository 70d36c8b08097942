import { Decision, type DecisionLoaders, stampAsOf } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Person } from '../person/person.entity';
import { Discipline, Reward } from './reward-discipline.entity';
import { RecordDisciplineInput, RecordRewardInput } from './reward-discipline.inputs';
import type { RewardDisciplineLoaders } from './reward-discipline.loaders';
import type { RewardDisciplineService } from './reward-discipline.service';

type Context = RequestContext<RewardDisciplineLoaders & DecisionLoaders>;

@Resolver(() => Person)
export class PersonRecordsResolver {
  constructor(private readonly records: RewardDisciplineService) {}

  @Mutation(() => Discipline, { description: 'Ghi kỷ luật theo quyết định / record a discipline on a decision' })
  recordDiscipline(@Arg('input') input: RecordDisciplineInput, @Ctx() { principal }: Context) {
    return this.records.recordDiscipline(principal, input);
  }

  @Mutation(() => Reward, { description: 'Ghi khen thưởng theo quyết định / record a reward on a decision' })
  recordReward(@Arg('input') input: RecordRewardInput, @Ctx() { principal }: Context) {
    return this.records.recordReward(principal, input);
  }

  @FieldResolver(() => [Discipline], { description: 'Kỷ luật đã có hiệu lực đến ngày asOf của hồ sơ, cũ trước / disciplines started by the record’s date, oldest first' })
  async disciplines(@Root() person: Person, @Ctx() { loaders }: Context) {
    return (await loaders.disciplinesOn.load({ id: person.id, asOf: person.asOf })).map((record) => stampAsOf(record, person.asOf));
  }

  @FieldResolver(() => [Reward], { description: 'Khen thưởng đến ngày asOf của hồ sơ, cũ trước / rewards given by the record’s date, oldest first' })
  async rewards(@Root() person: Person, @Ctx() { loaders }: Context) {
    return (await loaders.rewardsOn.load({ id: person.id, asOf: person.asOf })).map((record) => stampAsOf(record, person.asOf));
  }
}

@Resolver(() => Discipline)
export class DisciplineDecisionResolver {
  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định kỷ luật / the decision' })
  decision(@Root() record: Discipline, @Ctx() { loaders }: Context) {
    return record.decisionId ? loaders.decisionById.load(record.decisionId) : null;
  }
}

@Resolver(() => Reward)
export class RewardDecisionResolver {
  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định khen thưởng / the decision' })
  decision(@Root() record: Reward, @Ctx() { loaders }: Context) {
    return record.decisionId ? loaders.decisionById.load(record.decisionId) : null;
  }
}
