import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { PERSONNEL_TOPIC } from '../topics';

/**
 * A person was decided for staff downsizing (tinh giản biên chế) on a legal ground, from the
 * change's effective date; `candidateId` when it answers evaluation's candidate. Keyed by the person.
 */
export const DownsizingDecided = defineEvent({
  type: 'DownsizingDecided',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    downsizingId: z.string().uuid(),
    personId: z.string().uuid(),
    unitCode: z.string(),
    groundCode: z.string(),
    volunteered: z.boolean(),
    candidateId: z.string().uuid().nullable(),
    ...changeFacts,
  }),
});
