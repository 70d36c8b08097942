import { inForceOn } from '@ps/effective-dating';
import type { FamilyMemberValues } from '../person/personal-data.masking';
import { FAMILY_ORDER } from './family-member.kinds';

/**
 * SQL: the family members in force on `date` of the person whose id is `personId` (a column of
 * the outer query), as a JSON array of {@link FamilyMemberValues}, oldest first; `[]` for none.
 * A correlated subquery, so the family of a whole batch comes with the batch's one statement.
 */
export function familyJsonSql(personId: string, date: string): string {
  return `COALESCE((
    SELECT json_agg(json_build_object('id', member.id, 'relation', member.relation, 'fullName', member.full_name, 'birthYear', member.birth_year,
                                      'occupation', member.occupation, 'residence', member.residence)
                    ORDER BY member.birth_year, member.full_name, member.id)
      FROM family_member member
     WHERE member.person_id = ${personId} AND ${inForceOn('member', date)}), '[]'::json)`;
}

/** The members in the order of form 2C (father, mother, spouse, children, …), each relation oldest first. */
export function inFormOrder(members: readonly FamilyMemberValues[]): FamilyMemberValues[] {
  return [...members].sort((a, b) => FAMILY_ORDER.indexOf(a.relation) - FAMILY_ORDER.indexOf(b.relation));
}
