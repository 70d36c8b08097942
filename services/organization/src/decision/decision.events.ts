import type { ChangeFacts, DecisionRef } from '@ps/contracts';
import type { DatedWrite, Decision, RecordedChange } from '@ps/effective-dating';

/** A decision as events cite it. */
export function decisionRefOf(decision: Decision): DecisionRef {
  return { number: decision.number, date: decision.decidedOn, signer: decision.signer };
}

/** The facts every change event states: from when, why, on which decision. */
export function changeFactsOf(change: RecordedChange): ChangeFacts {
  return { effectiveDate: change.effectiveDate, reason: change.reason, decision: decisionRefOf(change.decision) };
}

/** The change facts of a write in progress. */
export function factsOf(write: DatedWrite): ChangeFacts {
  return changeFactsOf(write.change);
}
