import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { PERSONNEL_TOPIC } from '../topics';

/**
 * A person was added to (ADDED) or taken off (REMOVED) a cadre planning list from the change's
 * effective date: planned for a catalogue title at a unit in a term. Keyed by the entry's id.
 */
export const CadrePlanningChanged = defineEvent({
  type: 'CadrePlanningChanged',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    planningId: z.string().uuid(),
    personId: z.string().uuid(),
    action: z.enum(['ADDED', 'REMOVED']),
    titleCode: z.string(),
    unitCode: z.string(),
    termStart: z.number().int(),
    termEnd: z.number().int(),
    ...changeFacts,
  }),
});
