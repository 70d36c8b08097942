import { consumerView, fieldsRead } from '@ps/events';
import { QuotaIncreaseRefused } from '../organization/quota-refusal.events';
import { QuotaChanged } from '../organization/quota.events';
import { StaffingProposalApproved } from './staffing-proposal.events';

/**
 * What reform reads of organization's answer to an approved proposal: the quota change that
 * cites the proposal (events citing none are not reform's), or the refusal with its reason.
 */
export const proposalAnswerReads = {
  quotaChanged: consumerView(
    QuotaChanged,
    fieldsRead(QuotaChanged.payload, { holderId: true, previousAmount: true, amount: true, effectiveDate: true, proposalId: true }),
  ),
  quotaIncreaseRefused: consumerView(
    QuotaIncreaseRefused,
    fieldsRead(QuotaIncreaseRefused.payload, { proposalId: true, effectiveDate: true, code: true, message: true }),
  ),
};

/** What organization reads of an approved proposal to raise the quota: all of it. */
export const proposalApprovalReads = {
  staffingProposalApproved: consumerView(StaffingProposalApproved, StaffingProposalApproved.payload),
};
