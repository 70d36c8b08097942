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
  /** A restructuring carried the proposal to the successor unit or organization. */
  MOVED = 'MOVED',
}

/**
 * Proposals still waiting for the competent tier's decision: a restructuring carries them to the
 * successor unit and organization. An APPROVED one is decided and already announced to
 * organization with its organization: it stays as it is, and organization's answer (quota raised,
 * or refused for an organization that has closed) settles it.
 */
export const OPEN_PROPOSAL_STATUSES: readonly ProposalStatus[] = [ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.APPRAISED];

registerEnumType(ProposalStatus, { name: 'StaffingProposalStatus', description: 'Trạng thái đề án biên chế / staffing proposal status' });
registerEnumType(ProposalStepKind, { name: 'StaffingProposalStepKind', description: 'Bước xử lý đề án / a step of a staffing proposal' });
