import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Lập kế hoạch thực hiện nghị quyết / draft a reform plan' })
export class CreateReformPlanInput {
  @Field(() => ID)
  unitCode!: string;

  @Field()
  title!: string;

  @Field()
  resolutionRef!: string;
}
