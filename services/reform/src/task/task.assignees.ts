import type { GuardedUnit } from '@ps/auth';
import { inForceOn } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { TaskOrganizationNotFoundError, TaskOrganizationOutsidePlanError, TaskOwnerNotFoundError } from './task.errors';

/** Who a task goes to: organizations and the person answering for it. */
export interface TaskAssignees {
  organizationIds: readonly string[];
  ownerPersonId: string;
}

interface OrganizationPlace {
  id: string;
  known: boolean;
  inside: boolean;
}

/**
 * Each organization in force on `date` with whether its unit lay at or under the plan's unit
 * that day (the territory of that day: a commune under its district before 1 July 2025), and
 * whether the owner is known, in one statement.
 */
async function placesOf(manager: EntityManager, unit: GuardedUnit, date: string, assignees: TaskAssignees) {
  const { table, codeColumn, pathColumn } = territoryGuard.source;
  const rows: Array<OrganizationPlace & { ownerKnown: boolean }> = await manager.query(
    `SELECT requested.id::text AS id, organization.id IS NOT NULL AS known, coalesce(place.${pathColumn} <@ $3::ltree, FALSE) AS inside,
            EXISTS (SELECT 1 FROM reform_person owner WHERE owner.id = $4::uuid) AS "ownerKnown"
       FROM unnest($1::uuid[]) AS requested(id)
       LEFT JOIN reform_organization organization ON organization.id = requested.id AND ${inForceOn('organization', '$2::date')}
       LEFT JOIN ${table} place ON place.${codeColumn} = organization.unit_code AND ${inForceOn('place', '$2::date')}`,
    [assignees.organizationIds, date, unit.path, assignees.ownerPersonId],
  );
  return rows;
}

/**
 * Refuses a task whose organizations reform does not know in force on the task's date
 * (TASK_ORGANIZATION_NOT_FOUND), lie outside the plan's unit then (TASK_ORGANIZATION_OUTSIDE_PLAN),
 * or whose owner is no person reform knows (TASK_OWNER_NOT_FOUND).
 */
export async function checkAssignees(manager: EntityManager, unit: GuardedUnit, date: string, assignees: TaskAssignees): Promise<void> {
  const places = await placesOf(manager, unit, date, assignees);
  const unknown = places.filter((place) => !place.known).map((place) => place.id);
  if (unknown.length > 0) throw new TaskOrganizationNotFoundError(unknown, date);
  const outside = places.filter((place) => !place.inside).map((place) => place.id);
  if (outside.length > 0) throw new TaskOrganizationOutsidePlanError(outside, unit.code, date);
  if (!places.every((place) => place.ownerKnown)) throw new TaskOwnerNotFoundError(assignees.ownerPersonId);
}
