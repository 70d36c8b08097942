import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { PERSONNEL_TOPIC } from '../topics';

/**
 * Why an assignment ended: term over, transferred or rotated elsewhere, retired, downsized
 * (tinh giản biên chế), dismissed, resigned, deceased, or the organization restructured.
 */
export const ASSIGNMENT_END_REASONS = [
  'TERM_ENDED',
  'TRANSFERRED',
  'ROTATED',
  'RETIRED',
  'DOWNSIZED',
  'DISMISSED',
  'RESIGNED',
  'DECEASED',
  'RESTRUCTURED',
] as const;

/**
 * A person took a title in an organization (ASSIGNED, on a seat when `seatId` is set; a
 * concurrent post — kiêm nhiệm — when `concurrent`) or left it (ENDED, with `endReason`), or a
 * restructuring carried the post to the successor's organization (MOVED: `organizationId` is the
 * successor's, off any seat), from the change's effective date. Keyed by the assignment's id.
 */
export const AssignmentChanged = defineEvent({
  type: 'AssignmentChanged',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    assignmentId: z.string().uuid(),
    personId: z.string().uuid(),
    action: z.enum(['ASSIGNED', 'ENDED', 'MOVED']),
    organizationId: z.string().uuid(),
    titleCode: z.string(),
    seatId: z.string().uuid().nullable(),
    concurrent: z.boolean(),
    unitCode: z.string(),
    endReason: z.enum(ASSIGNMENT_END_REASONS).nullable(),
    ...changeFacts,
  }),
});
