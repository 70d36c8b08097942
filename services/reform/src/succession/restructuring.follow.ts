import { reformSuccessionReads } from '@ps/contracts';
import type { InboxConsumer } from '@ps/events';
import { followOrganizationSuccessions } from './organization-succession.follow';
import { restructuringChange } from './restructuring.change';
import { followUnitSuccessionsOfEvents } from './unit-succession.follow';

/**
 * Plans, tasks and open staffing proposals follow organization's restructurings, each move in
 * the transaction of the event's inbox row (a redelivery changes nothing; a replay finds nothing
 * left to move), and the same whichever of a merger's events arrives first: units carry plans and
 * proposals' units, closed organizations carry tasks and proposals' organizations.
 *
 * - A merged-away unit, or a dissolved one naming a successor, passes its plans and open proposals on.
 * - A dissolved unit nothing takes over keeps them: they stay readable as they stood.
 * - A split is not followed: a successor keeping the predecessor's code keeps its plans as they
 *   are, and where none does, no single successor can be chosen for them (they stay, to be
 *   re-planned by the units that came out of it).
 * - An organization closed without a successor keeps its tasks and proposals: reform does not
 *   withdraw a unit's proposal for it; the competent tier rejects it, or organization refuses to
 *   raise the quota of a closed organization, and the proposal ends APPLY_FAILED with that reason.
 */
export function followRestructurings(consumer: InboxConsumer): InboxConsumer {
  return consumer
    .onBatch([reformSuccessionReads.unitsMerged], (mergers, manager) =>
      followUnitSuccessionsOfEvents(
        manager,
        mergers.map(({ payload }) => {
          const { successor, effectiveDate } = payload;
          const change = restructuringChange(payload);
          const absorbed = payload.predecessors.filter((code) => code !== successor.code);
          return absorbed.map((code) => ({ predecessorCode: code, successorCode: successor.code, successorPath: successor.path, effectiveDate, change }));
        }),
      ),
    )
    .onBatch([reformSuccessionReads.unitDissolved], (dissolutions, manager) =>
      followUnitSuccessionsOfEvents(
        manager,
        dissolutions.map(({ payload }) =>
          payload.successor === null
            ? []
            : [{ predecessorCode: payload.code, successorCode: payload.successor, successorPath: null, effectiveDate: payload.effectiveDate, change: restructuringChange(payload) }],
        ),
      ),
    )
    .onBatch([reformSuccessionReads.organizationClosed], (closings, manager) =>
      followOrganizationSuccessions(
        manager,
        closings.flatMap(({ payload: { organization, successorId, effectiveDate, reason, decision } }) =>
          successorId === null ? [] : [{ organizationId: organization.id, successorId, effectiveDate, change: { effectiveDate, reason, decision } }],
        ),
      ),
    );
}
