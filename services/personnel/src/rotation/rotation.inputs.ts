import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';

const CHANGE = { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' };

@InputType({ description: 'Bắt đầu luân chuyển; ngày hiệu lực là ngày bắt đầu / start a rotation on the effective date' })
export class StartRotationInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { description: 'Đơn vị đi, vd. 720 / the unit the cadre leaves' })
  fromUnitCode!: string;

  @Field(() => ID, { description: 'Đơn vị đến, vd. 25801 / the destination unit' })
  toUnitCode!: string;

  @Field({ description: 'Chức danh tại nơi đến, trong danh mục / the catalogue title at the destination' })
  titleCode!: string;

  @Field(() => LocalDate, { description: 'Ngày kết thúc dự kiến / planned end' })
  plannedEndOn!: string;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Kéo dài luân chuyển từ ngày hiệu lực / extend a rotation from the effective date' })
export class ExtendRotationInput {
  @Field(() => LocalDate, { description: 'Ngày kết thúc dự kiến mới, sau ngày cũ / the new planned end, after the old' })
  plannedEndOn!: string;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Kết thúc luân chuyển vào ngày hiệu lực / complete a rotation on the effective date' })
export class CompleteRotationInput {
  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}
