import { BadUserInputError, DomainError, ForbiddenError } from '@ps/errors';
import type { QuotaBreach } from './quota.allocation';

/** A quota above its ceiling, or below what its holder has already allocated: nothing is written. */
export class QuotaExceededError extends DomainError {
  constructor(breach: QuotaBreach, labels: ReadonlyMap<string, string>) {
    const { rule: _rule, ...details } = breach;
    super('QUOTA_EXCEEDED', describeBreach(breach, labels), { details });
  }
}

function describeBreach(breach: QuotaBreach, labels: ReadonlyMap<string, string>): { vi: string; en: string } {
  const { requested, date } = breach;
  const holder = labels.get(breach.holder) ?? breach.holder;
  if (breach.rule === 'CEILING') {
    const { ceiling, allocatedToSiblings } = breach;
    const ceilingHolder = labels.get(breach.ceilingHolder) ?? breach.ceilingHolder;
    return {
      vi:
        `Vượt chỉ tiêu biên chế được giao: ${holder} xin ${requested}, ${ceilingHolder} được giao ${ceiling}, ` +
        `đã phân bổ cho đơn vị khác ${allocatedToSiblings} (ngày ${date})`,
      en:
        `Exceeds the staffing quota: ${holder} asks for ${requested}, ${ceilingHolder} holds ${ceiling} ` +
        `with ${allocatedToSiblings} already allocated to others (on ${date})`,
    };
  }
  return {
    vi:
      `Vượt chỉ tiêu biên chế được giao: ${holder} còn ${requested}, ` +
      `thấp hơn số đã phân bổ cho cấp dưới ${breach.allocatedToChildren} (ngày ${date})`,
    en:
      `Exceeds the staffing quota: ${holder} would hold ${requested}, ` +
      `below the ${breach.allocatedToChildren} it has allocated to its children (on ${date})`,
  };
}

/** A change dated before the holder's current version starts: history is not rewritten. */
export class RetroactiveQuotaChangeError extends BadUserInputError {
  constructor(holder: string, effectiveDate: string, currentFrom: string) {
    super(
      `Không thể thay đổi biên chế của ${holder} từ ngày ${effectiveDate}, trước phiên bản hiện hành (từ ${currentFrom})`,
      `Cannot change ${holder}'s quota from ${effectiveDate}, before its current version (from ${currentFrom})`,
      { reason: 'RETROACTIVE_CHANGE', holder, effectiveDate, currentFrom },
    );
  }
}

export class InvalidQuotaError extends BadUserInputError {}

/**
 * FORBIDDEN INCREASE_NEEDS_PROPOSAL: an organization's quota rises only on an approved staffing
 * proposal or a higher tier's decision; the unit's own admins may not raise it.
 */
export class IncreaseNeedsProposalError extends ForbiddenError {
  constructor(holder: { label: string; unitCode: string; unitTier: string }, current: number | null, requested: number | null, callerTier: string) {
    super(
      `Chỉ tăng biên chế của ${holder.label} theo đề án được cấp có thẩm quyền phê duyệt hoặc quyết định của cấp trên`,
      `${holder.label}'s quota rises only on a proposal approved by the competent tier or a higher tier's decision`,
      { reason: 'INCREASE_NEEDS_PROPOSAL', unitCode: holder.unitCode, unitTier: holder.unitTier, callerTier, current, requested },
    );
  }
}
