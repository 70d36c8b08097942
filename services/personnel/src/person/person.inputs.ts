import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Tiếp nhận một người vào biên chế đơn vị / register a person on a unit’s staff' })
export class RegisterPersonInput {
  @Field(() => ID)
  unitCode!: string;

  @Field()
  fullName!: string;

  @Field(() => Int, { nullable: true })
  birthYear?: number;

  @Field(() => EffectiveChangeInput, { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' })
  change!: EffectiveChangeInput;
}
