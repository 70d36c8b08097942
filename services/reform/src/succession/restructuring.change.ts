import type { ReformRestructuringFacts } from '@ps/contracts';
import { todayInVietnam, type ChangeFacts } from '@ps/effective-dating';

/** Why a move happened when the restructuring stated no reason (the official territory load states none). */
const UNSTATED_REASON = 'Sắp xếp đơn vị hành chính, tổ chức / restructuring of units and organizations';

/**
 * The change a followed restructuring is recorded on: its own date, reason and decision, or,
 * where it cites none, a marked placeholder (as organization's own succession writes do), dated
 * no later than today since a decision cannot be dated in the future.
 */
export function restructuringChange(facts: ReformRestructuringFacts, today: string = todayInVietnam()): ChangeFacts {
  const reason = facts.reason?.trim() || UNSTATED_REASON;
  if (facts.decision) return { effectiveDate: facts.effectiveDate, reason, decision: facts.decision };
  const date = facts.effectiveDate < today ? facts.effectiveDate : today;
  return {
    effectiveDate: facts.effectiveDate,
    reason,
    decision: { number: 'KHONG-RO-QUYET-DINH', date, signer: 'Không rõ (sắp xếp không ghi quyết định) / unknown: the restructuring cites no decision' },
  };
}

/** A unit that passed to a successor on a date, with the change recorded on it. */
export interface UnitSuccession {
  predecessorCode: string;
  successorCode: string;
  effectiveDate: string;
  change: ChangeFacts;
}

/** An organization closed on a date whose members, staff and work passed to a successor body. */
export interface OrganizationSuccession {
  organizationId: string;
  successorId: string;
  effectiveDate: string;
  change: ChangeFacts;
}
