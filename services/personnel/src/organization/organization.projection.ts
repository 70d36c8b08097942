import { PARTY_ORGANIZATION_KINDS, partyOrganizationReads, type PartyOrganizationRead } from '@ps/contracts';
import { dayBefore, inForceOn, notEndedBy } from '@ps/effective-dating';
import type { EventHandler, InboxConsumer } from '@ps/events';
import type { EntityManager } from 'typeorm';

const PARTY_KINDS: ReadonlySet<string> = new Set(PARTY_ORGANIZATION_KINDS);

/**
 * Keeps `party_organization` in step with the organization's events: every version of every
 * Party organization (organization, grassroots, cell). Events of one organization share its
 * key, so they arrive in order; the inbox makes a redelivery a no-op.
 */
export function projectPartyOrganizations(consumer: InboxConsumer): InboxConsumer {
  const apply: EventHandler<{ organization: PartyOrganizationRead }> = (event, manager) => storeVersion(manager, event.payload.organization);
  return consumer
    .on(partyOrganizationReads.organizationCreated, apply)
    .on(partyOrganizationReads.organizationChanged, apply)
    .on(partyOrganizationReads.organizationMoved, apply)
    .on(partyOrganizationReads.organizationClosed, apply);
}

/**
 * Stores the version an event leaves in force: the version before it ends where it starts, a
 * version of the same start is replaced, and one that is no longer of a Party kind is dropped.
 */
async function storeVersion(manager: EntityManager, version: PartyOrganizationRead): Promise<void> {
  // The version in force the day before, if it runs past this start, ends here (as the territory projection does).
  await manager.query(
    `UPDATE party_organization SET valid_to = $2, updated_at = now()
      WHERE id = $1 AND ${inForceOn('', '$3')} AND ${notEndedBy('', '$2')}`,
    [version.id, version.validFrom, dayBefore(version.validFrom)],
  );
  if (!PARTY_KINDS.has(version.kind)) {
    await manager.query('DELETE FROM party_organization WHERE id = $1 AND valid_from >= $2', [version.id, version.validFrom]);
    return;
  }
  await manager.query(
    `INSERT INTO party_organization (id, valid_from, valid_to, unit_code, parent_id, kind, name)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id, valid_from) DO UPDATE
       SET valid_to = EXCLUDED.valid_to, unit_code = EXCLUDED.unit_code, parent_id = EXCLUDED.parent_id,
           kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()`,
    [version.id, version.validFrom, version.validTo, version.unitCode, version.parentId, version.kind, version.name],
  );
}
