import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organization service's entity, extended here with personnel's fields. */
@Directive('@key(fields: "code")')
@ObjectType()
export class AdministrativeUnit {
  @Field(() => ID)
  code!: string;
}
