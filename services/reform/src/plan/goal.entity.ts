import { EffectiveVersion } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/** A goal of a plan, to be reached by a target year ("đến năm 2015"; a direction "định hướng đến 2020"). */
@ObjectType({ description: 'Mục tiêu của kế hoạch / a plan goal to a target year' })
@Entity({ name: 'reform_goal' })
export class ReformGoal extends EffectiveVersion {
  @Field(() => ID)
  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Field({ description: 'Nội dung mục tiêu / the goal' })
  @Column({ type: 'text' })
  description!: string;

  @Field(() => Int, { description: 'Đến năm / target year' })
  @Column({ name: 'target_year', type: 'int' })
  targetYear!: number;
}
