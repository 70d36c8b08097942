import { EffectiveVersion, LocalDate } from '@ps/effective-dating';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

/** Why a membership ended: the values of the published contract (`PARTY_MEMBERSHIP_END_REASONS`). */
export enum PartyMembershipEndReason {
  EXPELLED = 'EXPELLED',
  REMOVED = 'REMOVED',
  DECEASED = 'DECEASED',
  TRANSFERRED_OUT = 'TRANSFERRED_OUT',
  RESIGNED = 'RESIGNED',
}

registerEnumType(PartyMembershipEndReason, {
  name: 'PartyMembershipEndReason',
  description: 'Khai trừ / xóa tên / từ trần / chuyển sinh hoạt ra ngoài / xin ra khỏi Đảng',
});

/**
 * One version of a person's Party membership (đảng viên): the Party organization they belong
 * to belongs to the version, so a transfer is a new version; the admission date is when the
 * membership began, the official date when the probation ended (dự bị → chính thức).
 */
@ObjectType({ description: 'Đảng tịch của một người / a person’s Party membership' })
@Entity({ name: 'party_membership' })
export class PartyMembership extends EffectiveVersion {
  @Field(() => ID, { description: 'Người / the person' })
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Field(() => ID, { description: 'Tổ chức Đảng sinh hoạt / the Party organization' })
  @Column({ name: 'party_organization_id', type: 'uuid' })
  partyOrganizationId!: string;

  @Field(() => LocalDate, { description: 'Ngày vào Đảng / admission date' })
  @Column({ name: 'admission_date', type: 'date' })
  admissionDate!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày chính thức / official date (after probation)' })
  @Column({ name: 'official_date', type: 'date', nullable: true })
  officialDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Số thẻ đảng viên / card number' })
  @Column({ name: 'card_number', type: 'text', nullable: true })
  cardNumber!: string | null;

  @Field(() => PartyMembershipEndReason, { nullable: true, description: 'Vì sao chấm dứt (khi đóng) / why it ended' })
  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: PartyMembershipEndReason | null;
}

/** A membership version as the audit trail records it. */
export function membershipSnapshot(membership: PartyMembership) {
  const { id, personId, partyOrganizationId, admissionDate, officialDate, cardNumber, endReason, validFrom, validTo } = membership;
  return { id, personId, partyOrganizationId, admissionDate, officialDate, cardNumber, endReason, validFrom, validTo };
}
