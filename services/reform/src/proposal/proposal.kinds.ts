import { registerEnumType } from 'type-graphql';

/**
 * Where a staffing proposal stands: drafted → submitted → appraised → approved, then APPLIED
 * once organization has raised the quota, or APPLY_FAILED with organization's reason.
 * Rejected and withdrawn proposals end there.
 */
export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPRAISED = 'APPRAISED',
  APPROVED = 'APPROVED',
  APPLIED = 'APPLIED',
  APPLY_FAILED = 'APPLY_FAILED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** The steps of a proposal's history, each one row. */
export enum ProposalStepKind {
  DRAFTED = 'DRAFTED',
  SUBMITTED = 'SUBMITTED',
  APPRAISED = 'APPRAISED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  APPLIED = 'APPLIED',
  APPLY_FAILED = 'APPLY_FAILED',
}

registerEnumType(ProposalStatus, { name: 'StaffingProposalStatus', description: 'Trạng thái đề án biên chế / staffing proposal status' });
registerEnumType(ProposalStepKind, { name: 'StaffingProposalStepKind', description: 'Bước xử lý đề án / a step of a staffing proposal' });
