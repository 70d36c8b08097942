import { reformOrganizationReads, type ReformOrganizationRead } from '@ps/contracts';
import { dayBefore, inForceOn, notEndedBy } from '@ps/effective-dating';
import type { EventHandler, InboxConsumer } from '@ps/events';
import type { EntityManager } from 'typeorm';

/**
 * Keeps `reform_organization` in step with the organization's events: every version of every
 * organization, with its unit, name and kind. Events of one organization share its key, so they
 * arrive in order; each is applied with its inbox row, so a redelivery changes nothing.
 */
export function projectOrganizations(consumer: InboxConsumer): InboxConsumer {
  const apply: EventHandler<{ organization: ReformOrganizationRead }> = (event, manager) => storeVersion(manager, event.payload.organization);
  return consumer
    .on(reformOrganizationReads.organizationCreated, apply)
    .on(reformOrganizationReads.organizationChanged, apply)
    .on(reformOrganizationReads.organizationMoved, apply)
    .on(reformOrganizationReads.organizationClosed, apply);
}

/**
 * Stores the version an event leaves in force: the version in force the day before it starts,
 * if it runs past that start, ends there; a version of the same start (a same-day correction,
 * or the closing of a version) is replaced.
 */
async function storeVersion(manager: EntityManager, version: ReformOrganizationRead): Promise<void> {
  await manager.query(
    `UPDATE reform_organization SET valid_to = $2 WHERE id = $1 AND ${inForceOn('', '$3::date')} AND ${notEndedBy('', '$2::date')}`,
    [version.id, version.validFrom, dayBefore(version.validFrom)],
  );
  await manager.query(
    `INSERT INTO reform_organization (id, valid_from, valid_to, unit_code, name, kind) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to, unit_code = EXCLUDED.unit_code, name = EXCLUDED.name, kind = EXCLUDED.kind`,
    [version.id, version.validFrom, version.validTo, version.unitCode, version.name, version.kind],
  );
}
