import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Personnel's person, as a task's owner names it: reform only hands the gateway the reference
 * `{ id }`, which personnel resolves.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Person {
  @Field(() => ID)
  id!: string;
}
