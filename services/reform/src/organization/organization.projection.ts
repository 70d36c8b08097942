import { reformOrganizationReads, type ReformOrganizationRead } from '@ps/contracts';
import { storeProjectedVersions } from '@ps/effective-dating';
import type { InboxConsumer } from '@ps/events';

/**
 * Keeps `reform_organization` in step with the organization's events: every version of every
 * organization, with its unit, name and kind. Events of one organization share its key, so they
 * arrive in order; a run of them is stored at once (a reorganisation closes tens of thousands of
 * bodies), with the events' inbox rows, so a redelivery changes nothing.
 */
export function projectOrganizations(consumer: InboxConsumer): InboxConsumer {
  return consumer.onBatch<{ organization: ReformOrganizationRead }>(
    [
      reformOrganizationReads.organizationCreated,
      reformOrganizationReads.organizationChanged,
      reformOrganizationReads.organizationMoved,
      reformOrganizationReads.organizationClosed,
    ],
    (events, manager) =>
      storeProjectedVersions(
        manager,
        'reform_organization',
        events.map(({ payload }) => payload.organization),
        (organization) => ({ unit_code: organization.unitCode, name: organization.name, kind: organization.kind }),
      ),
  );
}
