import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { PERSONNEL_TOPIC } from '../topics';

/** Why a Party membership ended (Điều lệ Đảng: khai trừ, xóa tên, từ trần, chuyển đi). */
export const PARTY_MEMBERSHIP_END_REASONS = ['EXPELLED', 'REMOVED', 'DECEASED', 'TRANSFERRED_OUT', 'RESIGNED'] as const;

/**
 * A Party membership began (ADMITTED), moved to another Party organization (TRANSFERRED) or
 * ended (ENDED, with `endReason`) from the change's effective date. Keyed by the membership's id.
 */
export const PartyMembershipChanged = defineEvent({
  type: 'PartyMembershipChanged',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    membershipId: z.string().uuid(),
    personId: z.string().uuid(),
    action: z.enum(['ADMITTED', 'TRANSFERRED', 'ENDED']),
    partyOrganizationId: z.string().uuid(),
    unitCode: z.string(),
    endReason: z.enum(PARTY_MEMBERSHIP_END_REASONS).nullable(),
    ...changeFacts,
  }),
});
