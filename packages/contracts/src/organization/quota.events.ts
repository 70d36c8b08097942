import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { ORGANIZATION_TOPIC } from '../topics';
import { decisionRef } from './decision.events';

/**
 * A holder's staffing quota changed from `effectiveDate` on. A move between two
 * organizations is two QuotaChanged events (from, then to) sharing one correlationId and
 * one decision; `previousAmount` is null for a first allocation. When a holder ceases its
 * quota ends (`ended`, amount 0) and its successor's QuotaChanged, in the same correlation,
 * adds what it received. A change made for an approved staffing proposal names it
 * (`proposalId`, the saga's correlation); other changes, and events written before, carry null.
 */
export const QuotaChanged = defineEvent({
  type: 'QuotaChanged',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    holderKind: z.enum(['UNIT', 'ORGANIZATION']),
    holderId: z.string(),
    unitCode: z.string(),
    previousAmount: z.number().int().nonnegative().nullable(),
    amount: z.number().int().nonnegative(),
    effectiveDate: z.string(),
    reason: z.string().nullable(),
    decision: decisionRef.nullable(),
    /** The holder ceased on the date (merged away, dissolved): its quota ends; older events parse as not ended. */
    ended: z.boolean().default(false),
    /** The approved staffing proposal the change carries out; null for any other change. */
    proposalId: z.string().uuid().nullable().default(null),
  }),
});
