import { organizationReads, type OrganizationRead, type QuotaRead, type SeatRead } from '@ps/contracts';
import { dayBefore, inForceOn, notEndedBy } from '@ps/effective-dating';
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
      await storeOrganizations(manager, versions);
      await followSuccessionsInto(manager, versions.map((version) => version.id));
    })
    .on(organizationReads.seatChanged, (event, manager) => storeSeat(manager, event.payload.organizationId, event.payload.seat))
    .on(organizationReads.quotaChanged, (event, manager) => storeQuota(manager, event.payload));
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

/**
 * Stores the organization versions a run of events leaves in force, in two statements whatever
 * the run's length, as storing them one by one would: each event ends the version in force the
 * day before its start (`endPrevious`) and replaces a version of the same start.
 */
async function storeOrganizations(manager: EntityManager, versions: readonly OrganizationRead[]): Promise<void> {
  await manager.query(
    `UPDATE organization stored SET valid_to = ending.valid_to, updated_at = now()
       FROM (SELECT earlier.id, earlier.valid_from, min(run.valid_from) AS valid_to
               FROM organization earlier JOIN unnest($1::uuid[], $2::date[]) AS run (id, valid_from) ON run.id = earlier.id
              WHERE ${inForceOn('earlier', '(run.valid_from - 1)')} AND ${notEndedBy('earlier', 'run.valid_from')}
              GROUP BY earlier.id, earlier.valid_from) ending
      WHERE stored.id = ending.id AND stored.valid_from = ending.valid_from`,
    [versions.map((version) => version.id), versions.map((version) => version.validFrom)],
  );
  const left = versionsLeftBy(versions);
  await manager.query(
    `INSERT INTO organization (id, valid_from, valid_to, unit_code, parent_id, kind, name)
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[], $4::text[], $5::uuid[], $6::text[], $7::text[])
     ON CONFLICT (id, valid_from) DO UPDATE
       SET valid_to = EXCLUDED.valid_to, unit_code = EXCLUDED.unit_code, parent_id = EXCLUDED.parent_id,
           kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()`,
    [
      left.map((version) => version.id),
      left.map((version) => version.validFrom),
      left.map((version) => version.validTo),
      left.map((version) => version.unitCode),
      left.map((version) => version.parentId),
      left.map((version) => version.kind),
      left.map((version) => version.name),
    ],
  );
}

/**
 * The versions a run leaves, one per organization and start: the last event's, whose upsert
 * replaced the earlier ones; each ended by the run's later versions of its organization as their
 * `endPrevious` would (the earliest later start before its end). Existing versions the run ends
 * are ended in SQL alike.
 */
function versionsLeftBy(versions: readonly OrganizationRead[]): OrganizationRead[] {
  const lastWritten = new Map<string, number>();
  versions.forEach((version, index) => lastWritten.set(`${version.id}@${version.validFrom}`, index));
  return [...lastWritten.values()].map((index) => {
    const version = versions[index];
    let validTo = version.validTo;
    for (const later of versions.slice(index + 1)) {
      const endsIt = later.id === version.id && later.validFrom > version.validFrom && (validTo === null || validTo > later.validFrom);
      if (endsIt) validTo = later.validFrom;
    }
    return { ...version, validTo };
  });
}

/** Stores the seat version an event leaves in force (added, changed, or closed with its end). */
async function storeSeat(manager: EntityManager, organizationId: string, seat: SeatRead): Promise<void> {
  await endPrevious(manager, 'organization_seat', 'id', seat.id, seat.validFrom);
  await manager.query(
    `INSERT INTO organization_seat (id, valid_from, valid_to, organization_id, title, selection, capacity)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id, valid_from) DO UPDATE
       SET valid_to = EXCLUDED.valid_to, organization_id = EXCLUDED.organization_id, title = EXCLUDED.title,
           selection = EXCLUDED.selection, capacity = EXCLUDED.capacity, updated_at = now()`,
    [seat.id, seat.validFrom, seat.validTo, organizationId, seat.title, seat.selection, seat.capacity],
  );
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
