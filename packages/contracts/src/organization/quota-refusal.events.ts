import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { ORGANIZATION_TOPIC } from '../topics';

/**
 * Organization refused the quota increase an approved proposal asked for: nothing changed.
 * `code` is the stable error code (QUOTA_EXCEEDED, FORBIDDEN, NOT_FOUND…) and `message` its
 * Vietnamese / English text. Keyed by the proposal's id.
 */
export const QuotaIncreaseRefused = defineEvent({
  type: 'QuotaIncreaseRefused',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    proposalId: z.string().uuid(),
    organizationId: z.string(),
    unitCode: z.string(),
    increase: z.number().int(),
    effectiveDate: z.string(),
    code: z.string(),
    message: z.string(),
  }),
});
