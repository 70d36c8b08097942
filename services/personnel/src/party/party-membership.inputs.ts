import { EffectiveChangeInput, LocalDate } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';
import { PartyMembershipEndReason } from './party-membership.entity';

const CHANGE = { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' };

@InputType({ description: 'Kết nạp đảng viên; ngày hiệu lực là ngày vào Đảng / admit a Party member from the effective date' })
export class AdmitPartyMemberInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { description: 'Tổ chức Đảng / the Party organization' })
  partyOrganizationId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày chính thức, không trước ngày vào Đảng / official date' })
  officialDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Số thẻ đảng viên / card number' })
  cardNumber?: string | null;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Chuyển sinh hoạt đảng từ ngày hiệu lực / transfer a membership from the effective date' })
export class TransferPartyMembershipInput {
  @Field(() => ID, { description: 'Tổ chức Đảng nhận / the receiving Party organization' })
  partyOrganizationId!: string;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Chấm dứt đảng tịch từ ngày hiệu lực / end a membership on the effective date' })
export class EndPartyMembershipInput {
  @Field(() => PartyMembershipEndReason)
  endReason!: PartyMembershipEndReason;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}
