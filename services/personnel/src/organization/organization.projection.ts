import { organizationReads, type OrganizationRead, type QuotaRead, type SeatRead } from '@ps/contracts';
import { dayBefore, inForceOn, notEndedBy, storeProjectedVersion, storeProjectedVersions } from '@ps/effective-dating';
import type { InboxConsumer } from '@ps/events';
import type { EntityManager } from 'typeorm';
import { followSuccessionsInto } from '../succession/succession.service';

/**
 * Keeps `organization`, `organization_seat` and `organization_quota` in step with the
 * organization's events: every version of every organization, of its seats, and its staffing
 * quota. Events of one organization share its key, so they arrive in order; the inbox makes a
 * redelivery a no-op. A successor stored after a closing that named it lets the closed
 * organization's members and posts follow it then. Organization versions are stored a run at a
 * time: a national reorganisation closes tens of thousands of bodies, most holding nobody.
 */
export function projectOrganizations(consumer: InboxConsumer): InboxConsumer {
  const { organizationCreated, organizationChanged, organizationMoved, organizationClosed } = organizationReads;
  return consumer
    .onBatch([organizationCreated, organizationChanged, organizationMoved, organizationClosed], async (events, manager) => {
      const versions = events.map((event) => event.payload.organization);
      await storeProjectedVersions(manager, 'organization', versions, organizationColumns, { stampColumn: 'updated_at' });
      await followSuccessionsInto(manager, versions.map((version) => version.id));
    })
    .on(organizationReads.seatChanged, (event, manager) => storeSeat(manager, event.payload.organizationId, event.payload.seat))
    .on(organizationReads.quotaChanged, (event, manager) => storeQuota(manager, event.payload));
}

function organizationColumns(organization: OrganizationRead): Record<string, unknown> {
  return { unit_code: organization.unitCode, parent_id: organization.parentId, kind: organization.kind, name: organization.name };
}

/**
 * The version in force the day before `validFrom` in `table`, if it runs past that start, ends
 * there (as the territory projection does); `key` names the column of the stable id.
 */
async function endPrevious(manager: EntityManager, table: string, key: string, id: string, validFrom: string): Promise<void> {
  await manager.query(
    `UPDATE ${table} SET valid_to = $2, updated_at = now() WHERE ${key} = $1 AND ${inForceOn('', '$3')} AND ${notEndedBy('', '$2')}`,
    [id, validFrom, dayBefore(validFrom)],
  );
}

/** Stores the seat version an event leaves in force (added, changed, or closed with its end). */
async function storeSeat(manager: EntityManager, organizationId: string, seat: SeatRead): Promise<void> {
  const columns = { organization_id: organizationId, title: seat.title, selection: seat.selection, capacity: seat.capacity };
  await storeProjectedVersion(manager, 'organization_seat', seat, columns, { stampColumn: 'updated_at' });
}

/** An organization's quota from the date on: the one before ends there; an ended holder keeps none. Units' quotas are not kept. */
async function storeQuota(manager: EntityManager, change: QuotaRead): Promise<void> {
  if (change.holderKind !== 'ORGANIZATION') return;
  await endPrevious(manager, 'organization_quota', 'organization_id', change.holderId, change.effectiveDate);
  if (change.ended) {
    await manager.query('DELETE FROM organization_quota WHERE organization_id = $1 AND valid_from >= $2', [change.holderId, change.effectiveDate]);
    return;
  }
  await manager.query(
    `INSERT INTO organization_quota (organization_id, valid_from, valid_to, amount) VALUES ($1, $2, NULL, $3)
     ON CONFLICT (organization_id, valid_from) DO UPDATE SET amount = EXCLUDED.amount, updated_at = now()`,
    [change.holderId, change.effectiveDate, change.amount],
  );
}
