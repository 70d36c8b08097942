import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TITLE_MANAGEMENT_RULES } from '../management/management.rules';

/** Management decentralisation by title: the rules of TITLE_MANAGEMENT_RULES join the category rules. */
export class TitleManagementRules1733400000000 implements MigrationInterface {
  name = 'TitleManagementRules1733400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `INSERT INTO management_rule (code, subject_kind, subject_code, person_tier, managing_tier, body, valid_from, valid_to, source_document, source_article)
       SELECT code, "subjectKind", "subjectCode", "personTier", "managingTier", body, "validFrom", "validTo", source->>'document', source->>'article'
         FROM jsonb_to_recordset($1::jsonb) AS rule (code text, "subjectKind" text, "subjectCode" text, "personTier" text, "managingTier" text,
                                                     body text, "validFrom" date, "validTo" date, source jsonb)`,
      [JSON.stringify(TITLE_MANAGEMENT_RULES)],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM management_rule WHERE subject_kind = 'TITLE'");
  }
}
