import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A decision (quyết định) that a change cites: number, date, signer. */
@ObjectType({ description: 'Quyết định / decision cited by a change' })
@Entity({ name: 'decision' })
export class Decision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Số hiệu / number, e.g. "1234/QĐ-UBND"' })
  @Column({ type: 'text' })
  number!: string;

  @Field(() => GraphQLLocalDate, { description: 'Ngày ký / date' })
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Field({ description: 'Người ký / signer' })
  @Column({ type: 'text' })
  signer!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
