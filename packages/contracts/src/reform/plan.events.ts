import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { addedChangeFacts } from '../organization/decision.events';
import { REFORM_TOPIC } from '../topics';

/**
 * A reform plan was drafted for a unit, implementing a resolution, in force from the change's
 * effective date. Keyed by the plan's id.
 */
export const ReformPlanCreated = defineEvent({
  type: 'ReformPlanCreated',
  version: 1,
  topic: REFORM_TOPIC,
  payload: z.object({
    planId: z.string().uuid(),
    title: z.string(),
    resolutionRef: z.string(),
    unitCode: z.string(),
    ...addedChangeFacts,
  }),
});
