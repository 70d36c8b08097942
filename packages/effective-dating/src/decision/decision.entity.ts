import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from '../date/local-date.scalar';

/**
 * A decision (quyết định, nghị quyết) that a change cites: number, date, signer and, where the
 * rules need it, the body that issued it. One row per (number, date, signer) in each service.
 */
@Directive('@shareable')
@ObjectType({ description: 'Quyết định làm căn cứ của một thay đổi / decision cited by a change' })
@Entity({ name: 'decision' })
export class Decision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Số hiệu / number, e.g. "1234/QĐ-UBND"' })
  @Column({ type: 'text' })
  number!: string;

  @Field(() => LocalDate, { description: 'Ngày ký / date' })
  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Field({ description: 'Người ký / signer' })
  @Column({ type: 'text' })
  signer!: string;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành / issuing body, e.g. NATIONAL_ASSEMBLY' })
  @Column({ type: 'text', nullable: true })
  issuer!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** A decision as events and audit rows carry it. */
export interface DecisionRef {
  number: string;
  date: string;
  signer: string;
  issuer: string | null;
}

export function decisionRefOf(decision: Decision): DecisionRef {
  return { number: decision.number, date: decision.decidedOn, signer: decision.signer, issuer: decision.issuer };
}
