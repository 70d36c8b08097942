import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';

const CHANGE = { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' };

@InputType({ description: 'Ghi nhận hoàn cảnh chưa xem xét tinh giản từ ngày hiệu lực / record a deferring circumstance' })
export class RecordCircumstanceInput {
  @Field(() => ID)
  personId!: string;

  @Field({ description: 'Mã trường hợp (PREGNANT, CHILD_UNDER_36_MONTHS, UNDER_INVESTIGATION…) / the exclusion’s code' })
  kind!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Đến ngày (không gồm); mặc định theo thời hạn của quy định / ends on (default: the rule’s duration)' })
  endsOn?: string | null;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Quyết định tinh giản biên chế từ ngày hiệu lực / decide a downsizing from the effective date' })
export class DecideDownsizingInput {
  @Field(() => ID)
  personId!: string;

  @Field({ description: 'Căn cứ (mã quy định có hiệu lực) / the ground’s code' })
  groundCode!: string;

  @Field({ defaultValue: false, description: 'Người đó tự nguyện / the person volunteered' })
  volunteered!: boolean;

  @Field(() => ID, { nullable: true, description: 'Đề xuất từ kết quả đánh giá / the evaluation candidate it answers' })
  candidateId?: string | null;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}
