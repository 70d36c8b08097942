import { Field, ID, ObjectType } from 'type-graphql';
import { Person } from '../person/person.entity';

/** A person holding several titles at once in one unit (kiêm nhiệm), as of a date. */
@ObjectType({ description: 'Người giữ đồng thời các chức danh trong một đơn vị / a person holding the titles at once' })
export class ConcurrentTitleHolder {
  @Field(() => ID, { description: 'Mã đơn vị / the unit' })
  unitCode!: string;

  @Field({ description: 'Tên đơn vị vào ngày tra cứu / the unit’s name as of the date' })
  unitName!: string;

  @Field(() => [String], { description: 'Các chức danh cùng giữ / the titles held at once' })
  titleCodes!: string[];

  @Field(() => Person)
  person!: Person;
}
