import { EffectiveVersion } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Gender, PersonnelCategory } from './person.kinds';

/**
 * One version of a person's e-file (hồ sơ): a cadre, civil servant, public employee or worker
 * on a unit's staff. The unit they serve in belongs to the version: serving in another unit is
 * a new version. Personal data (personal ID, birth date, ethnicity, religion, home place) is
 * kept but not answered: reads of it are to be masked and audited (Decree 13/2023/NĐ-CP).
 * People registered before the e-file have no personal data (null).
 */
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
}

/** A person version as the audit trail records it: personal data stays out of the trail. */
export function personSnapshot(person: Person) {
  const { id, fullName, birthYear, gender, category, unitCode, validFrom, validTo } = person;
  return { id, fullName, birthYear, gender, category, unitCode, validFrom, validTo };
}
