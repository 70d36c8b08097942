import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { REFORM_TOPIC } from '../topics';

/** A reform plan was drafted for a unit, implementing a resolution. Keyed by the plan's id. */
export const ReformPlanCreated = defineEvent({
  type: 'ReformPlanCreated',
  version: 1,
  topic: REFORM_TOPIC,
  payload: z.object({
    planId: z.string().uuid(),
    title: z.string(),
    resolutionRef: z.string(),
    unitCode: z.string(),
  }),
});
