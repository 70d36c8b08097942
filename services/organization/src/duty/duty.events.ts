import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../decision/decision.events';
import { ORGANIZATION_TOPIC } from '../unit/unit.events';
import { DutyKind, type Duty } from './duty.entity';

export const dutyVersion = z.object({
  id: z.string().uuid(),
  kind: z.enum(DutyKind),
  text: z.string(),
  normalizedText: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export function dutySnapshot(duty: Duty): z.infer<typeof dutyVersion> {
  const { id, kind, text, normalizedText, validFrom, validTo } = duty;
  return { id, kind, text, normalizedText, validFrom, validTo };
}

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
