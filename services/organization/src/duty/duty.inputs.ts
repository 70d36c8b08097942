import { Field, InputType } from 'type-graphql';
import { DutyKind } from './duty.entity';
import { EffectiveChangeInput } from '@ps/effective-dating';

@InputType({ description: 'Giao chức năng, nhiệm vụ cho tổ chức / assign a function or duty' })
export class AddDutyInput {
  @Field(() => DutyKind)
  kind!: DutyKind;

  @Field()
  text!: string;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}
