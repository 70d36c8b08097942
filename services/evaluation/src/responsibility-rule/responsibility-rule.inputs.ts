import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';
import { ExpectedWorkProduct } from './responsibility-rule.entity';

@InputType({
  description:
    'Ghi nhận quy định trách nhiệm công việc của một chức danh; thay thế quy định đang có hiệu lực từ ngày của quyết định / record a job-responsibility rule, superseding the one in force from the decision’s date',
})
export class RecordResponsibilityRuleInput {
  @Field(() => ID)
  unitCode!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  titleCode!: string;

  @Field(() => [ExpectedWorkProduct])
  products!: ExpectedWorkProduct[];

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}
