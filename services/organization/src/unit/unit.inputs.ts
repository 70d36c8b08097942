import { Field, ID, InputType } from 'type-graphql';
import { RestructuringChangeInput } from '../restructure/restructure.inputs';
import { Tier } from './unit.entity';

@InputType({ description: 'Thành lập đơn vị hành chính / establish an administrative unit' })
export class CreateUnitInput {
  @Field(() => ID, { description: 'Mã GSO (2, 3 hoặc 5 chữ số) hoặc mã thôn/ấp dạng 25801_01' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => Tier)
  tier!: Tier;

  @Field(() => ID, { description: 'Đơn vị cấp trên / parent unit' })
  parentCode!: string;

  @Field(() => RestructuringChangeInput)
  change!: RestructuringChangeInput;
}
