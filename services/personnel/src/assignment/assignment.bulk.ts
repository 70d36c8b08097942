import { randomUUID } from 'node:crypto';
import type { GuardedUnit } from '@ps/auth';
import { AssignmentChanged } from '@ps/contracts';
import { insertVersions, notEndedBy, type DatedWrite } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { Assignment } from './assignment.entity';
import { assignmentConflict } from './assignment.errors';
import { assignmentChange } from './assignment.events';

/** A post to take from the write's date, already checked as `assign` checks one, with its organization's unit. */
export interface NewPost {
  personId: string;
  organizationId: string;
  titleCode: string;
  seatId: string | null;
  concurrent: boolean;
  unit: Pick<GuardedUnit, 'code' | 'path'>;
}

/** The posts people hold or will hold (not ended by a date): who has a primary post, and which posts are taken. */
export interface PostsHeld {
  primary: ReadonlySet<string>;
  posts: ReadonlySet<string>;
}

/** A post as one person holds it: the organization and title (what `assignment_same_post` keeps unique). */
export const postKey = (personId: string, organizationId: string, titleCode: string) => `${personId}|${organizationId}|${titleCode}`;

/**
 * What the assignment table's exclusion constraints would refuse for these people from `date`
 * on (a new post is open-ended, so any post not ended by then overlaps it).
 */
export async function postsHeld(manager: EntityManager, personIds: readonly string[], date: string): Promise<PostsHeld> {
  const rows: Array<{ personId: string; organizationId: string; titleCode: string; concurrent: boolean }> = await manager.query(
    `SELECT DISTINCT person_id AS "personId", organization_id AS "organizationId", title_code AS "titleCode", concurrent
       FROM assignment held WHERE held.person_id = ANY($1::uuid[]) AND ${notEndedBy('held', '$2')}`,
    [personIds, date],
  );
  return {
    primary: new Set(rows.filter((row) => !row.concurrent).map((row) => row.personId)),
    posts: new Set(rows.map((row) => postKey(row.personId, row.organizationId, row.titleCode))),
  };
}

/**
 * Inserts the posts from the write's date in one multi-row INSERT, with their AssignmentChanged
 * (ASSIGNED) events in one more, as `assign` records one post at a time.
 */
export async function assignMany(write: DatedWrite, posts: readonly NewPost[]): Promise<void> {
  const assignments = posts.map(({ unit: _unit, ...post }) => ({ id: randomUUID(), ...post, endReason: null }));
  await insertVersions(write, Assignment, assignments).catch((error: unknown) => {
    throw assignmentConflict(error, null) ?? error;
  });
  await write.emitMany(AssignmentChanged, assignments.map((assignment, index) => assignmentChange(write, assignment, posts[index].unit, 'ASSIGNED')));
}
