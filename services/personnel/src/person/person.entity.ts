import { EffectiveVersion } from '@ps/effective-dating';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/**
 * One version of a cadre, civil servant or public employee on a unit's staff. The unit they
 * serve in belongs to the version: serving in another unit is a new version.
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
}

/** A person version as the audit trail records it, without internal columns. */
export function personSnapshot(person: Person) {
  const { id, fullName, birthYear, unitCode, validFrom, validTo } = person;
  return { id, fullName, birthYear, unitCode, validFrom, validTo };
}
