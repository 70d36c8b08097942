import { EffectiveVersion } from '@ps/effective-dating';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DisciplineForm, DisciplineSystem, RewardForm } from './reward-discipline.kinds';

/**
 * A discipline imposed on a person by a decision: in force from its effective date until its
 * effect ends (`validTo`, null when the decision sets no end). Planning's waiting times and
 * downsizing's exclusions read these by person and date; the reason is the violation.
 */
@ObjectType({ description: 'Kỷ luật / a discipline imposed on a person' })
@Entity({ name: 'discipline' })
export class Discipline extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field(() => DisciplineSystem)
  @Column({ type: 'text' })
  system!: DisciplineSystem;

  @Field(() => DisciplineForm)
  @Column({ type: 'text' })
  form!: DisciplineForm;
}

/** A reward given to a person by a decision, from the day it was given. */
@ObjectType({ description: 'Khen thưởng / a reward given to a person' })
@Entity({ name: 'reward' })
export class Reward extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field(() => RewardForm)
  @Column({ type: 'text' })
  form!: RewardForm;

  @Field({ description: 'Danh hiệu, nội dung khen thưởng / title of the reward' })
  @Column({ type: 'text' })
  title!: string;
}

/** A discipline or reward as the audit trail records it. */
export function recordSnapshot(record: Discipline | Reward) {
  const { id, personId, form, validFrom, validTo } = record;
  return { id, personId, form, ...('system' in record ? { system: record.system } : { title: record.title }), validFrom, validTo };
}
