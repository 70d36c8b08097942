import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Mục tiêu đến năm / a goal to a target year' })
export class ReformGoalInput {
  @Field({ description: 'Nội dung mục tiêu / the goal' })
  description!: string;

  @Field(() => Int, { description: 'Đến năm / target year' })
  targetYear!: number;
}

@InputType({ description: 'Lập kế hoạch thực hiện nghị quyết / draft a reform plan' })
export class CreateReformPlanInput {
  @Field(() => ID)
  unitCode!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Số hiệu nghị quyết; mặc định: số hiệu của văn bản được dẫn / resolution number; by default the cited document’s' })
  resolutionRef?: string | null;

  @Field(() => ID, { nullable: true, description: 'Văn bản được thực hiện / the source document implemented' })
  sourceDocumentId?: string | null;

  @Field(() => [ReformGoalInput], { nullable: true, description: 'Mục tiêu / goals' })
  goals?: ReformGoalInput[] | null;

  @Field(() => EffectiveChangeInput, {
    description: 'Quyết định ban hành kế hoạch, có hiệu lực từ ngày nào, lý do / the decision that adopted it, from when, why',
  })
  change!: EffectiveChangeInput;
}
