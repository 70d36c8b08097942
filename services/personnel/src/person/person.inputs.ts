import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Gender, PersonnelCategory } from './person.kinds';
import { EducationLevel, PoliticalTheoryLevel, ProfessionalLevel, StateManagementTraining } from './person-qualifications.kinds';

/**
 * Qualifications, rank and salary grade of the e-file. On registration, what is left out is
 * none; on recordQualifications, what is left out stays as it was and null clears it.
 */
@InputType({ description: 'Trình độ, ngạch và bậc lương / qualifications, rank and salary grade' })
export class QualificationsInput {
  @Field(() => EducationLevel, { nullable: true })
  educationLevel?: EducationLevel | null;

  @Field(() => ProfessionalLevel, { nullable: true })
  professionalLevel?: ProfessionalLevel | null;

  @Field(() => PoliticalTheoryLevel, { nullable: true })
  politicalTheoryLevel?: PoliticalTheoryLevel | null;

  @Field(() => StateManagementTraining, { nullable: true })
  stateManagementTraining?: StateManagementTraining | null;

  @Field(() => String, { nullable: true, description: 'Mã ngạch, vd. 01.003 / rank code' })
  rankCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Bậc lương 1–12, cùng với hệ số / salary step, with the coefficient' })
  salaryStep?: number | null;

  @Field(() => Float, { nullable: true, description: 'Hệ số lương 1,00–10,00, cùng với bậc / salary coefficient, with the step' })
  salaryCoefficient?: number | null;
}

@InputType({ description: 'Tiếp nhận một người vào biên chế đơn vị / register a person on a unit’s staff' })
export class RegisterPersonInput {
  @Field(() => ID)
  unitCode!: string;

  @Field()
  fullName!: string;

  @Field({ description: 'Số định danh cá nhân (CCCD), 12 chữ số / personal ID number, 12 digits' })
  personalId!: string;

  @Field(() => LocalDate, { description: 'Ngày sinh / birth date' })
  birthDate!: string;

  @Field(() => Int, { nullable: true, deprecationReason: 'Năm sinh lấy từ birthDate / taken from birthDate; when given it must agree' })
  birthYear?: number;

  @Field(() => Gender)
  gender!: Gender;

  @Field({ description: 'Dân tộc, vd. Kinh / ethnicity' })
  ethnicity!: string;

  @Field(() => String, { nullable: true, description: 'Tôn giáo (để trống: không) / religion (none when left out)' })
  religion?: string | null;

  @Field({ description: 'Quê quán / home place' })
  homePlace!: string;

  @Field(() => PersonnelCategory)
  category!: PersonnelCategory;

  @Field(() => QualificationsInput, { nullable: true })
  qualifications?: QualificationsInput | null;

  @Field(() => EffectiveChangeInput, { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' })
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Ghi trình độ, ngạch, bậc lương từ ngày hiệu lực / record qualifications, rank and salary grade from the effective date' })
export class RecordQualificationsInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => QualificationsInput)
  qualifications!: QualificationsInput;

  @Field(() => EffectiveChangeInput, { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' })
  change!: EffectiveChangeInput;
}
