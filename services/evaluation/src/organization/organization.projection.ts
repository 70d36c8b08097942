import { ratedOrganizationReads, type RatedOrganizationRead } from '@ps/contracts';
import { storeProjectedVersions } from '@ps/effective-dating';
import type { InboxConsumer } from '@ps/events';

/**
 * Keeps `rated_organization` in step with the organization's events: every version of every
 * organization's name. Events of one organization share its key, so they arrive in order; a run
 * of them is stored at once (a reorganisation closes tens of thousands of bodies), with the
 * events' inbox rows, so a redelivery changes nothing.
 */
export function projectOrganizationNames(consumer: InboxConsumer): InboxConsumer {
  return consumer.onBatch<{ organization: RatedOrganizationRead }>(
    [
      ratedOrganizationReads.organizationCreated,
      ratedOrganizationReads.organizationChanged,
      ratedOrganizationReads.organizationMoved,
      ratedOrganizationReads.organizationClosed,
    ],
    (events, manager) =>
      storeProjectedVersions(
        manager,
        'rated_organization',
        events.map(({ payload }) => payload.organization),
        (organization) => ({ name: organization.name }),
      ),
  );
}
