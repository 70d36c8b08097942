import { ratedPersonnelReads } from '@ps/contracts';
import { inForceOn } from '@ps/effective-dating';
import type { InboxConsumer } from '@ps/events';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';

type PersonRegistration = z.output<typeof ratedPersonnelReads.personRegistered.payload>;
type PostChange = z.output<typeof ratedPersonnelReads.assignmentChanged.payload>;

/**
 * Keeps `rated_person` and `rated_post` in step with personnel's events, read through
 * evaluation's views in `@ps/contracts`. Each event is applied with its inbox row, so a
 * redelivery changes nothing; an assignment's events share its key, so they arrive in order.
 */
export function projectRatedPersonnel(consumer: InboxConsumer): InboxConsumer {
  return consumer
    .on(ratedPersonnelReads.personRegistered, (event, manager) => registerPerson(manager, event.payload))
    .on(ratedPersonnelReads.assignmentChanged, (event, manager) => {
      const change = event.payload;
      if (change.action === 'ASSIGNED') return startPost(manager, change);
      if (change.action === 'MOVED') return movePost(manager, change);
      return endPost(manager, change);
    });
}

/** A person registered again (a newer event) keeps the category an older event did not carry. */
async function registerPerson(manager: EntityManager, person: PersonRegistration): Promise<void> {
  await manager.query(
    `INSERT INTO rated_person (id, full_name, unit_code, category) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, unit_code = EXCLUDED.unit_code, category = COALESCE(EXCLUDED.category, rated_person.category)`,
    [person.personId, person.fullName, person.unitCode, person.category ?? null],
  );
}

/** A version of the post from the change's date until `validTo` (open: null). */
async function insertVersion(manager: EntityManager, change: PostChange, validTo: string | null): Promise<void> {
  await manager.query(
    `INSERT INTO rated_post (assignment_id, valid_from, valid_to, person_id, organization_id, title_code, unit_code, concurrent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (assignment_id, valid_from) DO UPDATE SET person_id = EXCLUDED.person_id, organization_id = EXCLUDED.organization_id,
       title_code = EXCLUDED.title_code, unit_code = EXCLUDED.unit_code, concurrent = EXCLUDED.concurrent`,
    [change.assignmentId, change.effectiveDate, validTo, change.personId, change.organizationId, change.titleCode, change.unitCode, change.concurrent],
  );
}

function startPost(manager: EntityManager, change: PostChange): Promise<void> {
  return insertVersion(manager, change, null);
}

/** The version in force on the change's date ends that day; the successor's version goes on until it would have. */
async function movePost(manager: EntityManager, change: PostChange): Promise<void> {
  const ended: Array<{ validTo: string | null }> = await manager.query(
    `WITH current AS (
       SELECT assignment_id, valid_from, valid_to FROM rated_post post WHERE post.assignment_id = $1 AND ${inForceOn('post', '$2::date')} FOR UPDATE
     )
     UPDATE rated_post SET valid_to = $2 FROM current
      WHERE rated_post.assignment_id = current.assignment_id AND rated_post.valid_from = current.valid_from AND rated_post.valid_from < $2::date
     RETURNING current.valid_to::text AS "validTo"`,
    [change.assignmentId, change.effectiveDate],
  );
  await insertVersion(manager, change, ended[0]?.validTo ?? null);
}

/** The version in force on the change's date ends that day (it is never in force from then). */
async function endPost(manager: EntityManager, change: PostChange): Promise<void> {
  await manager.query(`UPDATE rated_post post SET valid_to = $2 WHERE post.assignment_id = $1 AND ${inForceOn('post', '$2::date')}`, [change.assignmentId, change.effectiveDate]);
}
