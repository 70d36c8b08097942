import { LocalDate } from '@ps/effective-dating';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum CriterionKindType {
  AGE_AT_APPOINTMENT = 'AGE_AT_APPOINTMENT',
  EDUCATION = 'EDUCATION',
  POLITICAL_THEORY = 'POLITICAL_THEORY',
  YEARS_IN_RANK = 'YEARS_IN_RANK',
  PLANNING_REQUIRED = 'PLANNING_REQUIRED',
  DISCIPLINE_FREE_MONTHS = 'DISCIPLINE_FREE_MONTHS',
  MONTHS_BEFORE_RETIREMENT = 'MONTHS_BEFORE_RETIREMENT',
  PARTY_MEMBERSHIP = 'PARTY_MEMBERSHIP',
}

registerEnumType(CriterionKindType, {
  name: 'CriterionKind',
  description: 'Tuổi bổ nhiệm / trình độ chuyên môn / lý luận chính trị / thời gian giữ ngạch / quy hoạch / không bị kỷ luật / thời gian trước tuổi nghỉ hưu / đảng viên',
});

@ObjectType({ description: 'Văn bản hai thứ tiếng / text in Vietnamese and English' })
export class BilingualText {
  @Field()
  vi!: string;

  @Field()
  en!: string;
}

@ObjectType({ description: 'Một tiêu chuẩn của chức danh, đối chiếu với hồ sơ / one criterion held against a person' })
export class CriterionCheck {
  @Field(() => CriterionKindType)
  kind!: CriterionKindType;

  @Field(() => BilingualText, { description: 'Yêu cầu / what it asks' })
  required!: BilingualText;

  @Field(() => BilingualText, { nullable: true, description: 'Thực tế trong hồ sơ (null: chưa có thông tin) / what the file shows' })
  actual!: BilingualText | null;

  @Field({ description: 'Đạt / met' })
  met!: boolean;

  @Field({ description: 'Không đạt vì hồ sơ chưa có thông tin / not met for want of a record' })
  noRecord!: boolean;

  @Field(() => BilingualText, { description: 'Lý do / why' })
  reason!: BilingualText;

  @Field({ description: 'Văn bản quy định / source document' })
  source!: string;

  @Field({ description: 'Điều khoản / article' })
  article!: string;
}

@ObjectType({ description: 'Đối chiếu tiêu chuẩn chức danh của một người / a person’s eligibility for a title' })
export class TitleEligibility {
  @Field(() => ID)
  personId!: string;

  @Field()
  titleCode!: string;

  @Field(() => LocalDate)
  asOf!: string;

  @Field({ description: 'Đạt mọi tiêu chuẩn / meets every criterion' })
  eligible!: boolean;

  @Field(() => [CriterionCheck])
  criteria!: CriterionCheck[];
}
