import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { REFORM_TOPIC } from '../topics';

/**
 * A task of a reform plan was assigned to organizations, owned by a person (personnel's Person
 * id), due by `deadline`, from the change's effective date. Keyed by the task's id; `unitCode` is
 * the plan's unit. Personnel and evaluation may read it (an owner's tasks, a leader's unit results).
 */
export const ReformTaskAssigned = defineEvent({
  type: 'ReformTaskAssigned',
  version: 1,
  topic: REFORM_TOPIC,
  payload: z.object({
    taskId: z.string().uuid(),
    planId: z.string().uuid(),
    unitCode: z.string(),
    title: z.string(),
    organizationIds: z.array(z.string().uuid()),
    ownerPersonId: z.string().uuid(),
    deadline: z.string(),
    ...changeFacts,
  }),
});

/** A task's progress was reported as of the change's effective date: its completion percentage then. Keyed by the task's id. */
export const ReformTaskProgressReported = defineEvent({
  type: 'ReformTaskProgressReported',
  version: 1,
  topic: REFORM_TOPIC,
  payload: z.object({
    reportId: z.string().uuid(),
    taskId: z.string().uuid(),
    planId: z.string().uuid(),
    unitCode: z.string(),
    completion: z.number().int().min(0).max(100),
    ...changeFacts,
  }),
});
