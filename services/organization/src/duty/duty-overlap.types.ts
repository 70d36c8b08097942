import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Duty } from './duty.entity';

/**
 * Two organizations of one unit holding the same function or duty on the same date: the same
 * folded text (exact), or texts alike enough to be one duty reworded. `first` is the one that
 * started earlier.
 */
@ObjectType({ description: 'Chức năng, nhiệm vụ chồng chéo giữa hai tổ chức của một đơn vị / overlapping duties' })
export class DutyOverlap {
  @Field(() => Duty)
  first!: Duty;

  @Field(() => Duty)
  second!: Duty;

  @Field(() => ID, { description: 'Đơn vị của cả hai tổ chức / the unit both organizations belong to' })
  unitCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Nội dung trùng sau khi bỏ dấu; trống khi hai nội dung chỉ gần giống (xem first.text, second.text) / the folded text both match; null for a reworded pair',
  })
  matchedText!: string | null;

  @Field(() => Float, {
    description:
      'Độ tương đồng (pg_trgm) của hai nội dung đã bỏ dấu, 0–1; 1 khi trùng hẳn hoặc cùng các từ khác thứ tự / trigram similarity of the folded texts; 1 when identical or the same words reordered',
  })
  similarity!: number;

  @Field({ description: 'Trùng hẳn sau khi bỏ dấu / identical folded texts' })
  exact!: boolean;
}
