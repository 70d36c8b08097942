import type { ManagementBody, Tier } from '@ps/auth';
import { inForceOn, isStableId } from '@ps/effective-dating';
import type { EntityManager } from 'typeorm';
import type { SubjectKind } from './management.kinds';

/** Who manages a person on a date: a body of a unit, by a rule with its source. */
export interface ManagingAuthority {
  personId: string;
  ruleCode: string;
  subjectKind: SubjectKind;
  subjectCode: string;
  /** Tier and unit whose body manages the person (the unit at that tier above or at theirs). */
  tier: Tier;
  unitCode: string;
  unitName: string;
  body: ManagementBody;
  sourceDocument: string;
  sourceArticle: string;
}

/**
 * The subjects a person's rules are matched on, as SQL over the alias `person` and the date
 * `:authorityDate`: one `SELECT kind, code` per source, joined by UNION ALL — the category, and
 * the title of every post (primary or concurrent) the person holds that day.
 */
export const PERSON_SUBJECTS: readonly string[] = [
  `SELECT 'CATEGORY'::text AS kind, person.category AS code WHERE person.category IS NOT NULL`,
  `SELECT DISTINCT 'TITLE'::text, post.title_code FROM assignment post WHERE post.person_id = person.id AND ${inForceOn('post', ':authorityDate')}`,
];

/**
 * The rules in force on `:authorityDate` for the subjects `subject` (kind, code) of someone
 * serving in the unit `unit` (a territory_unit row in force then), with the unit of the rule's
 * tier above or at theirs: the joins both the people on file and the people to be registered use.
 */
const RULES_AND_MANAGING_UNITS = `
      JOIN management_rule rule ON rule.subject_kind = subject.kind AND rule.subject_code = subject.code
                               AND rule.person_tier = unit.tier AND ${inForceOn('rule', ':authorityDate')}
      JOIN territory_unit managing ON managing.tier = rule.managing_tier AND managing.path @> unit.path
                                  AND ${inForceOn('managing', ':authorityDate')}`;

const AUTHORITY_COLUMNS = `rule.code AS "ruleCode", rule.subject_kind AS "subjectKind", rule.subject_code AS "subjectCode",
           rule.managing_tier AS tier, managing.code AS "unitCode", managing.name AS "unitName", rule.body,
           rule.source_document AS "sourceDocument", rule.source_article AS "sourceArticle"`;

/**
 * SQL selecting the managing authorities, on `:authorityDate`, of the people `:authorityPersonIds`
 * (uuid[]): for each person's version in force then, the rules in force then for one of their
 * subjects and their unit's tier, with the unit of the rule's tier above or at theirs. A person
 * whose unit, subject or tier no rule covers has no row: nobody manages their file then.
 */
export function managingAuthoritiesSql(): string {
  return `
    SELECT person.id AS "personId", ${AUTHORITY_COLUMNS}
      FROM person
      JOIN territory_unit unit ON unit.code = person.unit_code AND ${inForceOn('unit', ':authorityDate')}
      CROSS JOIN LATERAL (${PERSON_SUBJECTS.join(' UNION ALL ')}) subject
      ${RULES_AND_MANAGING_UNITS}
     WHERE person.id = ANY(:authorityPersonIds::uuid[]) AND ${inForceOn('person', ':authorityDate')}`;
}

/**
 * SQL selecting who would manage, on `:authorityDate`, people not yet on file: one per key of
 * `:candidateKeys`, of the category at the same index of `:candidateCategories` serving in the
 * unit of `:candidateUnits` (text[] each). The key comes back as "personId".
 */
export function prospectiveAuthoritiesSql(): string {
  return `
    SELECT candidate.key AS "personId", ${AUTHORITY_COLUMNS}
      FROM unnest(:candidateKeys::text[], :candidateCategories::text[], :candidateUnits::text[]) AS candidate (key, category, unit_code)
      JOIN territory_unit unit ON unit.code = candidate.unit_code AND ${inForceOn('unit', ':authorityDate')}
      CROSS JOIN LATERAL (SELECT 'CATEGORY'::text AS kind, candidate.category AS code) subject
      ${RULES_AND_MANAGING_UNITS}`;
}

/**
 * Who manages each of `personIds` on `date` (management decentralisation as data): one SQL
 * statement for the whole batch. Unguarded: callers cut what they answer to the territory.
 */
export async function managingAuthorities(manager: EntityManager, personIds: readonly string[], date: string): Promise<ManagingAuthority[]> {
  const ids = personIds.filter(isStableId);
  if (ids.length === 0) return [];
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `${managingAuthoritiesSql()} ORDER BY person.id, rule.code`,
    { authorityPersonIds: ids, authorityDate: date },
    {},
  );
  return manager.query(sql, parameters);
}
