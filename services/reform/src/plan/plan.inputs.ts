import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Lập kế hoạch thực hiện nghị quyết / draft a reform plan' })
export class CreateReformPlanInput {
  @Field(() => ID)
  unitCode!: string;

  @Field()
  title!: string;

  @Field()
  resolutionRef!: string;

  @Field(() => EffectiveChangeInput, {
    description: 'Quyết định ban hành kế hoạch, có hiệu lực từ ngày nào, lý do / the decision that adopted it, from when, why',
  })
  change!: EffectiveChangeInput;
}
