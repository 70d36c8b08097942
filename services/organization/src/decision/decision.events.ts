import type { DatedWrite, Decision, RecordedChange } from '@ps/effective-dating';
import { z } from 'zod';

/** A decision as events carry it. */
export const decisionRef = z.object({ number: z.string(), date: z.string(), signer: z.string() });
export type DecisionRef = z.infer<typeof decisionRef>;

export function decisionRefOf(decision: Decision): DecisionRef {
  return { number: decision.number, date: decision.decidedOn, signer: decision.signer };
}

/** What every change event states besides its subject: from when, why, on which decision. */
export const changeFacts = { effectiveDate: z.string(), reason: z.string(), decision: decisionRef };

export function changeFactsOf(change: RecordedChange): { effectiveDate: string; reason: string; decision: DecisionRef } {
  return { effectiveDate: change.effectiveDate, reason: change.reason, decision: decisionRefOf(change.decision) };
}

/** The change facts of a write in progress. */
export function factsOf(write: DatedWrite): ReturnType<typeof changeFactsOf> {
  return changeFactsOf(write.change);
}
