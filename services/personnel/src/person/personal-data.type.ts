import { Field, ObjectType } from 'type-graphql';
import { FamilyMemberView } from '../family/family-member.type';

/**
 * A person's personal data as this caller may read it: in full for the officers and admins of
 * the body and tier that manage the person (management decentralisation), inside whose
 * territory the person serves, and then recorded in the audit trail; masked for anyone else
 * who may see the person (see personal-data.masking.ts).
 */
@ObjectType({
  description:
    'Dữ liệu cá nhân, quan hệ gia đình: đầy đủ cho cơ quan quản lý cán bộ (có ghi nhật ký), che một phần với người khác / personal data and family: in full to the managing body (audited), masked for others',
})
export class PersonalData {
  @Field({ description: 'true: đã che một phần / the values are masked' })
  masked!: boolean;

  @Field(() => String, { nullable: true, description: 'Số định danh cá nhân; che: 0********234 / personal ID; masked: first digit and last three' })
  personalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày sinh YYYY-MM-DD; che: chỉ năm / birth date; masked: the year only' })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Quê quán; che: chỉ tỉnh / home place; masked: the province only' })
  homePlace!: string | null;

  @Field(() => String, { nullable: true, description: 'Dân tộc (dữ liệu nhạy cảm); che: *** / ethnicity, sensitive data; masked: ***' })
  ethnicity!: string | null;

  @Field(() => String, { nullable: true, description: 'Tôn giáo (dữ liệu nhạy cảm); che: *** / religion, sensitive data; masked: ***' })
  religion!: string | null;

  @Field(() => [FamilyMemberView], {
    description: 'Quan hệ gia đình (mẫu 2C) như vào ngày asOf, theo thứ tự mẫu; che: họ và chữ cái đầu, không năm sinh / family members in force on the date, in the form’s order; masked: initials, no birth year',
  })
  family!: FamilyMemberView[];
}
