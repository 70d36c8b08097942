import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organization service's entity, extended here with reform's fields (proposals are not dated: no asOf). */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;
}
