import { Field, ID, ObjectType } from 'type-graphql';
import { Duty } from './duty.entity';

/**
 * Two organizations of one unit holding the same function or duty on the same date, matched
 * regardless of diacritics, case and punctuation. `first` is the one that started earlier.
 */
@ObjectType({ description: 'Chức năng, nhiệm vụ chồng chéo giữa hai tổ chức của một đơn vị / overlapping duties' })
export class DutyOverlap {
  @Field(() => Duty)
  first!: Duty;

  @Field(() => Duty)
  second!: Duty;

  @Field(() => ID, { description: 'Đơn vị của cả hai tổ chức / the unit both organizations belong to' })
  unitCode!: string;

  @Field({ description: 'Nội dung trùng sau khi bỏ dấu / the folded text both match' })
  matchedText!: string;
}
