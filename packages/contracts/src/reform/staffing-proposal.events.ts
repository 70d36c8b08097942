import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { REFORM_TOPIC } from '../topics';

/** Who approved a proposal, as organization acts on their decision: the competent tier's officer. */
export const proposalApprover = z.object({
  userId: z.string(),
  username: z.string(),
  role: z.string(),
  unitCode: z.string(),
  tier: z.enum(['NATIONAL', 'PROVINCE', 'DISTRICT', 'COMMUNE']),
});

/**
 * A staffing proposal (đề án) was approved by the competent, strictly higher tier: organization
 * raises the organization's quota by `increase` from the approval's effective date, citing the
 * approval's decision, and answers with QuotaChanged (carrying `proposalId`) or
 * QuotaIncreaseRefused. Keyed by the proposal's id; the first step of the platform's saga.
 */
export const StaffingProposalApproved = defineEvent({
  type: 'StaffingProposalApproved',
  version: 1,
  topic: REFORM_TOPIC,
  payload: z.object({
    proposalId: z.string().uuid(),
    unitCode: z.string(),
    organizationId: z.string().uuid(),
    increase: z.number().int().positive(),
    approvedBy: proposalApprover,
    ...changeFacts,
  }),
});
