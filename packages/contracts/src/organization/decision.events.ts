import { z } from 'zod';

/** A decision as events cite it: its number, the date it was signed, and who signed it. */
export const decisionRef = z.object({ number: z.string(), date: z.string(), signer: z.string() });
/** A cited decision. */
export type DecisionRef = z.infer<typeof decisionRef>;

/** What every change event states besides its subject: from when, why, on which decision. */
export const changeFacts = { effectiveDate: z.string(), reason: z.string(), decision: decisionRef };
/** The facts of one change, as producers hand them in. */
export type ChangeFacts = z.infer<z.ZodObject<typeof changeFacts>>;

/**
 * The change facts of an event first published without them: events written before read as
 * null, so they still parse. Producers always state them now.
 */
export const addedChangeFacts = {
  effectiveDate: z.string().nullable().default(null),
  reason: z.string().nullable().default(null),
  decision: decisionRef.nullable().default(null),
};

/**
 * What every restructuring event states besides its subject. Reason and decision may be
 * missing: the official territory load restructures without citing a decision record.
 */
export const restructuringFacts = {
  effectiveDate: z.string(),
  reason: z.string().nullable(),
  decision: decisionRef.nullable(),
};
