import type { ChangeFacts, DecisionRef } from '@ps/contracts';
import type { Decision } from './decision.entity';
import type { EffectiveChange } from './decision.service';

/** A decision as events cite it. */
export function decisionRefOf(decision: Decision): DecisionRef {
  return { number: decision.number, date: decision.decidedOn, signer: decision.signer };
}

/** The facts every change event states: from when, why, on which decision. */
export function changeFactsOf(change: EffectiveChange): ChangeFacts {
  return { effectiveDate: change.effectiveDate, reason: change.reason, decision: decisionRefOf(change.decision) };
}
