import { Field, InputType, Int } from 'type-graphql';
import { SeatSelection } from './seat.entity';
import { EffectiveChangeInput } from '@ps/effective-dating';

@InputType({ description: 'Thêm vị trí cho tổ chức / add a seat to an organization' })
export class AddSeatInput {
  @Field()
  title!: string;

  @Field(() => SeatSelection)
  selection!: SeatSelection;

  @Field(() => Int)
  capacity!: number;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Thay đổi vị trí từ ngày hiệu lực; trường bỏ trống giữ nguyên / omitted fields carry over' })
export class ChangeSeatInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => SeatSelection, { nullable: true })
  selection?: SeatSelection | null;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => EffectiveChangeInput)
  change!: EffectiveChangeInput;
}
