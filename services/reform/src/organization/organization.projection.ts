import { reformOrganizationReads, type ReformOrganizationRead } from '@ps/contracts';
import { storeProjectedVersion } from '@ps/effective-dating';
import type { EventHandler, InboxConsumer } from '@ps/events';

/**
 * Keeps `reform_organization` in step with the organization's events: every version of every
 * organization, with its unit, name and kind. Events of one organization share its key, so they
 * arrive in order; each is applied with its inbox row, so a redelivery changes nothing.
 */
export function projectOrganizations(consumer: InboxConsumer): InboxConsumer {
  const apply: EventHandler<{ organization: ReformOrganizationRead }> = ({ payload: { organization } }, manager) =>
    storeProjectedVersion(manager, 'reform_organization', organization, { unit_code: organization.unitCode, name: organization.name, kind: organization.kind });
  return consumer
    .on(reformOrganizationReads.organizationCreated, apply)
    .on(reformOrganizationReads.organizationChanged, apply)
    .on(reformOrganizationReads.organizationMoved, apply)
    .on(reformOrganizationReads.organizationClosed, apply);
}
