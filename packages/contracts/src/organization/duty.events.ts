import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { ORGANIZATION_TOPIC } from '../topics';
import { changeFacts } from './decision.events';

/** Function or duty (the organization service's `DutyKind`). */
export const DUTY_KINDS = ['FUNCTION', 'DUTY'] as const;

/** A function or duty of an organization as events carry it, with the folded text overlaps match on. */
export const dutyVersion = z.object({
  id: z.string().uuid(),
  kind: z.enum(DUTY_KINDS),
  text: z.string(),
  normalizedText: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
/** One version of a duty. */
export type DutyVersion = z.infer<typeof dutyVersion>;

/**
 * A function or duty of an organization was added or closed (also when its organization
 * closed). Keyed by the organization id, in order with the organization's own events.
 */
export const DutyChanged = defineEvent({
  type: 'DutyChanged',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    action: z.enum(['ADDED', 'CLOSED']),
    organizationId: z.string().uuid(),
    unitCode: z.string(),
    duty: dutyVersion,
    ...changeFacts,
  }),
});
