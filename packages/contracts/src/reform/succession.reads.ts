import { consumerView, fieldsRead } from '@ps/events';
import { z } from 'zod';
import { OrganizationClosed } from '../organization/organization.events';
import { UnitDissolved, UnitsMerged } from '../organization/restructuring.events';

const merged = UnitsMerged.payload.shape;
const closed = OrganizationClosed.payload.shape;

/** The facts a restructuring states: from when, why, on which decision (both may be missing). */
const restructuringRead = { effectiveDate: true, reason: true, decision: true } as const;

/**
 * What reform's restructuring follower reads: which units passed to which successor (a merger,
 * or a dissolution naming one) so that plans and open proposals follow them, and which
 * organization passed to which body (a closing with a successor) so that tasks and proposals
 * follow it. A split is not read: its successor that keeps the code keeps the plans as they are.
 */
export const reformSuccessionReads = {
  unitsMerged: consumerView(
    UnitsMerged,
    fieldsRead(UnitsMerged.payload, { predecessors: true, ...restructuringRead }).extend({
      successor: fieldsRead(merged.successor, { code: true, path: true }),
    }),
  ),
  unitDissolved: consumerView(UnitDissolved, fieldsRead(UnitDissolved.payload, { code: true, successor: true, ...restructuringRead })),
  organizationClosed: consumerView(
    OrganizationClosed,
    z.object({
      organization: fieldsRead(closed.organization, { id: true }),
      successorId: closed.successorId,
      effectiveDate: closed.effectiveDate,
      reason: closed.reason,
      decision: closed.decision,
    }),
  ),
};

/** The facts of a restructuring as the follower reads them. */
export type ReformRestructuringFacts = Pick<z.output<typeof reformSuccessionReads.unitsMerged.payload>, 'effectiveDate' | 'reason' | 'decision'>;
