import { EffectiveChangeInput } from '@ps/effective-dating';
import { Field, ID, InputType } from 'type-graphql';
import { AssignmentEndReason } from './assignment.entity';

const CHANGE = { description: 'Từ ngày nào, lý do, theo quyết định nào / from when, why, on which decision' };

/** Where a person is assigned: the organization, the title, the seat if any, and whether it is concurrent. */
export interface PostInput {
  organizationId: string;
  titleCode: string;
  seatId?: string | null;
  concurrent: boolean;
}

@InputType({ description: 'Phân công, bổ nhiệm từ ngày hiệu lực / assign a person to a title from the effective date' })
export class AssignInput implements PostInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { description: 'Tổ chức / the organization' })
  organizationId!: string;

  @Field({ description: 'Mã chức danh trong danh mục / title code, e.g. COMMUNE_PARTY_SECRETARY' })
  titleCode!: string;

  @Field(() => ID, { nullable: true, description: 'Ghế của tổ chức được lấp / the organization’s seat filled' })
  seatId?: string | null;

  @Field({ defaultValue: false, description: 'Kiêm nhiệm / concurrent beside the person’s primary assignment' })
  concurrent!: boolean;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Điều động, luân chuyển sang chức vụ khác từ ngày hiệu lực / move an assignment to another post from the effective date' })
export class TransferAssignmentInput implements PostInput {
  @Field(() => ID, { description: 'Tổ chức nhận / the receiving organization' })
  organizationId!: string;

  @Field({ description: 'Mã chức danh mới / the new title code' })
  titleCode!: string;

  @Field(() => ID, { nullable: true, description: 'Ghế của tổ chức nhận / the receiving organization’s seat' })
  seatId?: string | null;

  @Field({ defaultValue: false, description: 'Kiêm nhiệm / concurrent beside the person’s primary assignment' })
  concurrent!: boolean;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}

@InputType({ description: 'Chấm dứt phân công từ ngày hiệu lực / end an assignment on the effective date' })
export class EndAssignmentInput {
  @Field(() => AssignmentEndReason)
  endReason!: AssignmentEndReason;

  @Field(() => EffectiveChangeInput, CHANGE)
  change!: EffectiveChangeInput;
}
