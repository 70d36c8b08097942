import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { EffectiveVersion } from '@ps/effective-dating';

export enum DutyKind {
  FUNCTION = 'FUNCTION',
  DUTY = 'DUTY',
}

registerEnumType(DutyKind, {
  name: 'DutyKind',
  description: 'Chức năng hay nhiệm vụ / function or duty',
  valuesConfig: {
    FUNCTION: { description: 'Chức năng / function' },
    DUTY: { description: 'Nhiệm vụ, quyền hạn / duty' },
  },
});

/** One version of a function or duty (chức năng, nhiệm vụ) of an organization. */
@ObjectType({ description: 'Chức năng, nhiệm vụ của tổ chức / function or duty of an organization' })
@Entity({ name: 'duty' })
export class Duty extends EffectiveVersion {
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field(() => DutyKind)
  @Column({ type: 'text' })
  kind!: DutyKind;

  @Field({ description: 'Nội dung / text, e.g. "Quản lý nhà nước về đất đai"' })
  @Column({ type: 'text' })
  text!: string;

  /** The text folded (foldText): overlaps are equal or trigram-alike folded texts. */
  @Column({ name: 'normalized_text', type: 'text' })
  normalizedText!: string;
}
