import { ratedOrganizationReads, type RatedOrganizationRead } from '@ps/contracts';
import { storeProjectedVersion } from '@ps/effective-dating';
import type { EventHandler, InboxConsumer } from '@ps/events';

/**
 * Keeps `rated_organization` in step with the organization's events: every version of every
 * organization's name. Events of one organization share its key, so they arrive in order; each
 * is applied with its inbox row, so a redelivery changes nothing.
 */
export function projectOrganizationNames(consumer: InboxConsumer): InboxConsumer {
  const apply: EventHandler<{ organization: RatedOrganizationRead }> = ({ payload: { organization } }, manager) =>
    storeProjectedVersion(manager, 'rated_organization', organization, { name: organization.name });
  return consumer
    .on(ratedOrganizationReads.organizationCreated, apply)
    .on(ratedOrganizationReads.organizationChanged, apply)
    .on(ratedOrganizationReads.organizationMoved, apply)
    .on(ratedOrganizationReads.organizationClosed, apply);
}
