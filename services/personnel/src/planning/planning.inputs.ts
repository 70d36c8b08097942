import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';

const CHANGE = { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' };

@InputType({ description: 'Đưa một người vào quy hoạch một chức danh / plan a person for a position' })
export class AddToPlanningInput {
  @Field(() => ID)
  personId!: string;

  @Field({ description: 'Chức danh trong danh mục, vd. DISTRICT_COMMITTEE_CHAIR / catalogue title code' })
  titleCode!: string;

  @Field(() => ID, { description: 'Đơn vị của chức danh, vd. 720 / the position’s unit' })
  unitCode!: string;

  @Field({ description: 'Nhiệm kỳ, vd. 2025-2030 / the term' })
  term!: string;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Đưa ra khỏi quy hoạch từ ngày hiệu lực / take off the planning list from the effective date' })
export class RemoveFromPlanningInput {
  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}
