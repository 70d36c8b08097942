import { AssignmentChanged } from '@ps/contracts';
import type { DatedWrite, EventPlace } from '@ps/effective-dating';
import type { z } from 'zod';
import type { Assignment, AssignmentEndReason } from './assignment.entity';

type Change = z.infer<typeof AssignmentChanged.payload>;
type Post = Pick<Assignment, 'id' | 'personId' | 'organizationId' | 'titleCode' | 'seatId' | 'concurrent'>;

/** The AssignmentChanged a write records for a post, placed at the unit of the post's organization. */
export function assignmentChange(
  write: DatedWrite,
  post: Post,
  unit: { code: string; path: string | null },
  action: Change['action'],
  endReason: AssignmentEndReason | null = null,
): { payload: Change; place: EventPlace } {
  const { id: assignmentId, personId, organizationId, titleCode, seatId, concurrent } = post;
  return {
    payload: { assignmentId, personId, action, organizationId, titleCode, seatId, concurrent, unitCode: unit.code, endReason, ...write.facts },
    place: { aggregateId: assignmentId, unitPath: unit.path },
  };
}
