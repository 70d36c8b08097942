import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FamilyRelation } from './family-member.kinds';

/** A family member as `PersonalData.family` answers it: in full, or masked (see personal-data.masking.ts). */
@ObjectType('FamilyMember', {
  description: 'Thân nhân trong hồ sơ (mẫu 2C); che một phần với người không quản lý / a family member on the e-file; masked for those who do not manage the person',
})
export class FamilyMemberView {
  @Field(() => ID, { description: 'Mã thân nhân, dùng để sửa hoặc kết thúc / stable id, to correct or end the member' })
  id!: string;

  @Field(() => FamilyRelation)
  relation!: FamilyRelation;

  @Field({ description: 'Họ và tên; che: họ và chữ cái đầu, vd. Nguyễn V. A. / full name; masked: family name and initials' })
  fullName!: string;

  @Field(() => Int, { nullable: true, description: 'Năm sinh; che: null / birth year; masked: null' })
  birthYear!: number | null;

  @Field(() => String, { nullable: true, description: 'Nghề nghiệp, nơi công tác; che: *** / occupation and workplace; masked: ***' })
  occupation!: string | null;

  @Field(() => String, { nullable: true, description: 'Nơi ở; che: chỉ tỉnh / residence; masked: the province only' })
  residence!: string | null;
}
