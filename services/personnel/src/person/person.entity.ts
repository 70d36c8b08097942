import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A cadre, civil servant or public employee on a unit's staff. */
@ObjectType({ description: 'Cán bộ, công chức, viên chức / a person on the staff' })
@Entity({ name: 'person' })
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Họ và tên / full name' })
  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Field(() => Int, { nullable: true, description: 'Năm sinh / year of birth' })
  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear!: number | null;

  @Field(() => ID, { description: 'Đơn vị công tác / unit code' })
  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'unit_path', type: 'ltree' })
  unitPath!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
