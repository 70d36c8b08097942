import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { PERSONNEL_TOPIC } from '../topics';

/**
 * A rotation (luân chuyển) began (STARTED), got a later planned end (EXTENDED) or ended
 * (COMPLETED) from the change's effective date: a planned cadre moved from one unit to a
 * catalogue title at another. Keyed by the rotation's id.
 */
export const RotationChanged = defineEvent({
  type: 'RotationChanged',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    rotationId: z.string().uuid(),
    personId: z.string().uuid(),
    action: z.enum(['STARTED', 'EXTENDED', 'COMPLETED']),
    fromUnitCode: z.string(),
    toUnitCode: z.string(),
    titleCode: z.string(),
    startsOn: z.string(),
    plannedEndOn: z.string(),
    ...changeFacts,
  }),
});
