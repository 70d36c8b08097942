import { EffectiveVersion } from '@ps/effective-dating';
import { Column, Entity } from 'typeorm';
import { FamilyRelation } from './family-member.kinds';

/**
 * One version of a family member on a person's e-file (form 2C): in force from the day recorded
 * until ended (a death, a divorce) or corrected by a later version. Personal data: answered only
 * through `PersonalData.family`, masked unless the caller manages the person; never in the audit
 * trail's states or in events.
 */
@Entity({ name: 'family_member' })
export class FamilyMember extends EffectiveVersion {
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  relation!: FamilyRelation;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'birth_year', type: 'integer' })
  birthYear!: number;

  @Column({ type: 'text', nullable: true })
  occupation!: string | null;

  @Column({ type: 'text', nullable: true })
  residence!: string | null;
}

/** A family member as the audit trail records it: who it belongs to and how related, no personal data. */
export function familyMemberSnapshot(member: FamilyMember) {
  const { id, personId, relation, validFrom, validTo } = member;
  return { id, personId, relation, validFrom, validTo };
}
