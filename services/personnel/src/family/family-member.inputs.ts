import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FamilyRelation } from './family-member.kinds';

const CHANGE = { description: 'Từ ngày nào, lý do, theo quyết định/giấy tờ nào / from when, why, on which decision or document' };

@InputType({ description: 'Ghi một thân nhân vào hồ sơ (mẫu 2C) từ ngày hiệu lực / record a family member on the e-file from the effective date' })
export class RecordFamilyMemberInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => FamilyRelation)
  relation!: FamilyRelation;

  @Field({ description: 'Họ và tên / full name' })
  fullName!: string;

  @Field(() => Int, { description: 'Năm sinh / birth year' })
  birthYear!: number;

  @Field(() => String, { nullable: true, description: 'Nghề nghiệp, chức vụ, nơi công tác/học tập / occupation and workplace' })
  occupation?: string | null;

  @Field(() => String, { nullable: true, description: 'Nơi ở hiện nay, vd. Xã Định An, Dầu Tiếng, Bình Dương / residence' })
  residence?: string | null;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({
  description:
    'Sửa thông tin thân nhân từ ngày hiệu lực (bỏ trống: giữ nguyên; null xóa nghề nghiệp, nơi ở) / correct a family member from the effective date (left out: kept; null clears occupation, residence)',
})
export class CorrectFamilyMemberInput {
  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => Int, { nullable: true })
  birthYear?: number | null;

  @Field(() => String, { nullable: true })
  occupation?: string | null;

  @Field(() => String, { nullable: true })
  residence?: string | null;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}
