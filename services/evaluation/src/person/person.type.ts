import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Personnel's person, extended here with their evaluations. Personnel owns the id and declares
 * no key of its own, so the id is external here: the gateway brings it from personnel and
 * evaluation only answers the fields it adds.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Person {
  @Directive('@external')
  @Field(() => ID)
  id!: string;
}
