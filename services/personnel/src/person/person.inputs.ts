import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Gender, PersonnelCategory } from './person.kinds';

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

  @Field(() => EffectiveChangeInput, { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' })
  change!: EffectiveChangeInput;
}
