import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '@ps/effective-dating';

/** The organization service's entity, extended here with evaluation's fields. */
@Directive('@key(fields: "code")')
@ObjectType()
export class AdministrativeUnit {
  @Field(() => ID)
  code!: string;

  /**
   * The date organization answered the unit as of: the gateway sends it along, so that this
   * service's fields answer as of the same date unless asked for another. Absent in a bare
   * reference (then: today).
   */
  @Directive('@external')
  @Field(() => LocalDate, { description: 'Ngày tra cứu / the date this answer is as of' })
  asOf?: string;
}
