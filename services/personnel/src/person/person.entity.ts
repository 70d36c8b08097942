import { EffectiveVersion } from '@ps/effective-dating';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Gender, PersonnelCategory } from './person.kinds';
import { EducationLevel, PoliticalTheoryLevel, ProfessionalLevel, StateManagementTraining } from './person-qualifications.kinds';

/** numeric(4,2) read as a number (the driver answers a string). */
const COEFFICIENT = { from: (value: string | null) => (value === null ? null : Number(value)), to: (value: number | null) => value };

/**
 * One version of a person's e-file (hồ sơ): a cadre, civil servant, public employee or worker
 * on a unit's staff. The unit they serve in belongs to the version: serving in another unit is
 * a new version. Personal data (personal ID, birth date, home place, ethnicity and religion —
 * the last two sensitive data — and the family members of family-member.entity.ts) is answered
 * only through `personalData`, masked unless the caller manages the person, and full reads are
 * audited (Decree 13/2023/NĐ-CP). Qualifications, rank and salary grade are versioned like the
 * unit. People registered before the e-file have no personal data (null).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Cán bộ, công chức, viên chức / a person on the staff' })
@Entity({ name: 'person' })
export class Person extends EffectiveVersion {
  @Field({ description: 'Họ và tên / full name' })
  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Field(() => Int, { nullable: true, description: 'Năm sinh / year of birth' })
  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear!: number | null;

  @Field(() => ID, { description: 'Đơn vị công tác / unit code' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'personal_id', type: 'text', nullable: true })
  personalId!: string | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  @Field(() => Gender, { nullable: true, description: 'Giới tính / gender' })
  @Column({ type: 'text', nullable: true })
  gender!: Gender | null;

  @Column({ type: 'text', nullable: true })
  ethnicity!: string | null;

  @Column({ type: 'text', nullable: true })
  religion!: string | null;

  @Column({ name: 'home_place', type: 'text', nullable: true })
  homePlace!: string | null;

  @Field(() => PersonnelCategory, { nullable: true, description: 'Cán bộ / công chức / viên chức / … / category' })
  @Column({ type: 'text', nullable: true })
  category!: PersonnelCategory | null;

  @Field(() => EducationLevel, { nullable: true })
  @Column({ name: 'education_level', type: 'text', nullable: true })
  educationLevel!: EducationLevel | null;

  @Field(() => ProfessionalLevel, { nullable: true })
  @Column({ name: 'professional_level', type: 'text', nullable: true })
  professionalLevel!: ProfessionalLevel | null;

  @Field(() => PoliticalTheoryLevel, { nullable: true })
  @Column({ name: 'political_theory_level', type: 'text', nullable: true })
  politicalTheoryLevel!: PoliticalTheoryLevel | null;

  @Field(() => StateManagementTraining, { nullable: true })
  @Column({ name: 'state_management_training', type: 'text', nullable: true })
  stateManagementTraining!: StateManagementTraining | null;

  @Field(() => String, { nullable: true, description: 'Mã ngạch công chức, vd. 01.003 / civil-service rank code' })
  @Column({ name: 'rank_code', type: 'text', nullable: true })
  rankCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Bậc lương / salary step' })
  @Column({ name: 'salary_step', type: 'integer', nullable: true })
  salaryStep!: number | null;

  @Field(() => Float, { nullable: true, description: 'Hệ số lương / salary coefficient' })
  @Column({ name: 'salary_coefficient', type: 'numeric', precision: 4, scale: 2, nullable: true, transformer: COEFFICIENT })
  salaryCoefficient!: number | null;
}

/** A person version as the audit trail records it: personal data stays out of the trail. */
export function personSnapshot(person: Person) {
  const { id, fullName, birthYear, gender, category, unitCode, validFrom, validTo } = person;
  return { id, fullName, birthYear, gender, category, unitCode, ...qualificationsOf(person), validFrom, validTo };
}

/** The qualifications, rank and salary grade of a version: what recordQualifications writes. */
export function qualificationsOf(person: Person) {
  const { educationLevel, professionalLevel, politicalTheoryLevel, stateManagementTraining, rankCode, salaryStep, salaryCoefficient } = person;
  return { educationLevel, professionalLevel, politicalTheoryLevel, stateManagementTraining, rankCode, salaryStep, salaryCoefficient };
}
