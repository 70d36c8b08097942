import { defineEvent } from '@ps/events';
import { z } from 'zod';

export const REFORM_TOPIC = 'reform.events.v1';

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
