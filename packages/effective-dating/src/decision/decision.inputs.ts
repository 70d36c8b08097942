import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../date/local-date.scalar';

@InputType({ description: 'Quyết định làm căn cứ / the decision a change rests on' })
export class DecisionInput {
  @Field({ description: 'Số hiệu / number' })
  number!: string;

  @Field(() => LocalDate, { description: 'Ngày ký / date signed' })
  date!: string;

  @Field({ description: 'Người ký / signer' })
  signer!: string;
}

/** What every change of an effective-dated thing states: from when, why, on which decision. */
@InputType({ description: 'Hiệu lực, lý do và quyết định của một thay đổi / effective date, reason and decision' })
export class EffectiveChangeInput {
  @Field(() => LocalDate, { description: 'Ngày có hiệu lực / effective date' })
  effectiveDate!: string;

  @Field({ description: 'Lý do / reason' })
  reason!: string;

  @Field(() => DecisionInput)
  decision!: DecisionInput;
}
