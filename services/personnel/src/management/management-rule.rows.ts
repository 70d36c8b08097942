import type { QueryRunner } from 'typeorm';
import type { ManagementRule } from './management.rules';

/** Inserts rules into `management_rule` in one statement (the table's exclusion constraint refuses overlaps). */
export async function insertManagementRules(runner: QueryRunner, rules: readonly ManagementRule[]): Promise<void> {
  await runner.query(
    `INSERT INTO management_rule (code, subject_kind, subject_code, person_tier, managing_tier, body, valid_from, valid_to, source_document, source_article)
     SELECT code, "subjectKind", "subjectCode", "personTier", "managingTier", body, "validFrom", "validTo", source->>'document', source->>'article'
       FROM jsonb_to_recordset($1::jsonb) AS rule (code text, "subjectKind" text, "subjectCode" text, "personTier" text, "managingTier" text,
                                                   body text, "validFrom" date, "validTo" date, source jsonb)`,
    [JSON.stringify(rules)],
  );
}
