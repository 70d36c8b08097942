import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';
import { DisciplineForm, DisciplineSystem, RewardForm } from './reward-discipline.kinds';

@InputType({ description: 'Ghi kỷ luật theo quyết định / record a discipline on a decision' })
export class RecordDisciplineInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => DisciplineSystem)
  system!: DisciplineSystem;

  @Field(() => DisciplineForm)
  form!: DisciplineForm;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày hết hiệu lực kỷ luật, nếu quyết định có / when its effect ends, if the decision says' })
  endsOn?: string | null;

  @Field(() => EffectiveChangeInput, { description: 'Ngày có hiệu lực, hành vi vi phạm (lý do), quyết định / effective date, violation (reason), decision' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Ghi khen thưởng theo quyết định / record a reward on a decision' })
export class RecordRewardInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => RewardForm)
  form!: RewardForm;

  @Field({ description: 'Danh hiệu, nội dung, vd. Chiến sĩ thi đua cơ sở năm 2024 / title' })
  title!: string;

  @Field(() => EffectiveChangeInput, { description: 'Ngày khen thưởng, lý do, quyết định / date given, reason, decision' })
  change!: EffectiveChangeInput;
}
