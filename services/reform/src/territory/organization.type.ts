import { LocalDate } from '@ps/effective-dating';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organization service's entity, extended here with reform's fields. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;

  /** The date organization answered the organization as of (absent in a bare reference: today). */
  @Directive('@external')
  @Field(() => LocalDate, { description: 'Ngày tra cứu / the date this answer is as of' })
  asOf?: string;
}
