import { BadUserInputError, DomainError, ForbiddenError, NotFoundError } from '@ps/errors';
import type { ProposalStatus, ProposalStepKind } from './proposal.kinds';

/** No proposal has this id, or none the caller may see: outside the territory reads as absent. */
export class ProposalNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super(`Không có đề án ${proposalId}`, `No staffing proposal ${proposalId}`, { reason: 'PROPOSAL_NOT_FOUND', proposalId });
  }
}

/** PROPOSAL_STEP_OUT_OF_ORDER: the step needs another status than the one the proposal is at (approving twice, too). */
export class ProposalStepOutOfOrderError extends DomainError {
  constructor(proposalId: string, step: ProposalStepKind, status: ProposalStatus, expected: readonly ProposalStatus[]) {
    super(
      'PROPOSAL_STEP_OUT_OF_ORDER',
      {
        vi: `Không thể ghi bước ${step}: đề án đang ở trạng thái ${status}, bước này cần ${expected.join(' hoặc ')}`,
        en: `Step ${step} cannot be recorded: the proposal is ${status}, the step needs ${expected.join(' or ')}`,
      },
      { details: { proposalId, step, status, expected } },
    );
  }
}

/** Bad input to a proposal or a step, with its stable reason. */
export class ProposalInputError extends BadUserInputError {
  constructor(vi: string, en: string, details: { reason: string } & Record<string, unknown>) {
    super(vi, en, details);
  }
}

/** Why a caller may not take a step: the stable reason codes of {@link NotCompetentError}. */
export type IncompetenceReason = 'OWN_PROPOSAL' | 'TIER_NOT_ABOVE' | 'NOT_ORGANIZATION_BODY' | 'NOT_PROPOSING_UNIT';

const REFUSALS: Record<IncompetenceReason, (unitCode: string) => [string, string]> = {
  OWN_PROPOSAL: (unit) => [`Đơn vị ${unit} không tự phê duyệt, thẩm định đề án của mình`, `Unit ${unit} may not appraise or approve its own proposal`],
  TIER_NOT_ABOVE: (unit) => [`Chỉ cấp có thẩm quyền, cao hơn cấp của ${unit}, mới được thẩm định, phê duyệt`, `Only a competent tier strictly above ${unit} appraises or approves`],
  NOT_ORGANIZATION_BODY: (unit) => [`Chỉ Ban Tổ chức hoặc cơ quan Nội vụ cấp trên thẩm định đề án của ${unit}`, `Only the organization board or home-affairs office of the tier above appraises ${unit}'s proposals`],
  NOT_PROPOSING_UNIT: (unit) => [`Chỉ đơn vị ${unit} lập, trình hoặc rút đề án của mình`, `Only unit ${unit} drafts, submits or withdraws its proposals`],
};

/** FORBIDDEN: the caller is not the competent body or tier for the step, with a stable reason. */
export class NotCompetentError extends ForbiddenError {
  constructor(reason: IncompetenceReason, details: { unitCode: string; unitTier: string; callerTier: string; callerUnitCode: string }) {
    const [vi, en] = REFUSALS[reason](details.unitCode);
    super(vi, en, { reason, ...details });
  }
}
