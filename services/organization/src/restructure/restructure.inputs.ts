import { Field, ID, InputType } from 'type-graphql';
import { EffectiveChangeInput } from '../decision/decision.inputs';

@InputType({ description: 'Hợp nhất đơn vị / merge units (N → 1)' })
export class MergeUnitsInput {
  @Field(() => [ID], { description: 'Các đơn vị được hợp nhất / the units merged' })
  predecessorCodes!: string[];

  @Field(() => ID, { description: 'Mã đơn vị sau hợp nhất (có thể giữ mã một đơn vị cũ) / successor code' })
  successorCode!: string;

  @Field({ description: 'Tên đơn vị sau hợp nhất / successor name' })
  successorName!: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị cấp trên mới (mặc định: cấp trên chung) / parent' })
  parentCode?: string;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Một đơn vị mới sau chia tách / one unit coming out of a split' })
export class SplitSuccessorInput {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Đơn vị trực thuộc chuyển sang / children it takes over' })
  childCodes!: string[];
}

@InputType({ description: 'Chia tách đơn vị / split a unit (1 → N)' })
export class SplitUnitInput {
  @Field(() => ID)
  code!: string;

  @Field(() => [SplitSuccessorInput])
  successors!: SplitSuccessorInput[];

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Giải thể, chuyển cấp trên hoặc đổi tên một đơn vị / dissolve, move or rename a unit' })
export class UnitChangeInput {
  @Field(() => ID)
  code!: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị cấp trên mới (khi chuyển) / new parent (move)' })
  parentCode?: string;

  @Field({ nullable: true, description: 'Tên mới (khi đổi tên) / new name (rename)' })
  name?: string;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}
