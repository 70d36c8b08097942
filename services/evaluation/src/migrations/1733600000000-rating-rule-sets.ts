import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ruleSetColumns } from '../rule-set/rule-set.entity';
import { validatedShippedRuleSets } from '../rule-set/shipped.rule-sets';

/**
 * Rating rule sets as effective-dated data, one subject per set (each subject's regime changes
 * on its own date), no two sets of one subject in force on the same day. Seeded with Decree
 * 90/2020 (as amended by 48/2023), Decree 335/2025 and Regulations 124-QĐ/TW and 366-QĐ/TW;
 * a later decree is a new row recorded through `recordRatingRuleSet`, never an edit here.
 */
export class RatingRuleSets1733600000000 implements MigrationInterface {
  name = 'RatingRuleSets1733600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await runner.query(`
      CREATE TABLE rating_rule_set (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code             text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
        name             text NOT NULL CHECK (length(btrim(name)) > 0),
        applies_to       text NOT NULL CHECK (applies_to IN ('CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'PARTY_MEMBER', 'PARTY_ORGANIZATION')),
        method           text NOT NULL CHECK (method IN ('POINTS', 'QUALITATIVE')),
        source_document  text NOT NULL CHECK (length(btrim(source_document)) > 0),
        source_article   text NOT NULL CHECK (length(btrim(source_article)) > 0),
        content          jsonb NOT NULL,
        valid_from       date NOT NULL,
        valid_to         date,
        reason           text,
        decision_id      uuid REFERENCES decision (id),
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rating_rule_set_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT rating_rule_set_no_overlap EXCLUDE USING gist (applies_to WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    const rows = validatedShippedRuleSets().map(ruleSetColumns);
    await runner.query(
      `INSERT INTO rating_rule_set (code, name, applies_to, method, source_document, source_article, content, valid_from, valid_to, reason, created_by)
       SELECT code, name, "appliesTo", method, "sourceDocument", "sourceArticle", content, "validFrom", "validTo",
              'Dữ liệu quy tắc ban đầu / shipped rule data', 'system:migration'
         FROM jsonb_to_recordset($1::jsonb) AS rule (code text, name text, "appliesTo" text, method text, "sourceDocument" text,
                                                     "sourceArticle" text, content jsonb, "validFrom" date, "validTo" date)`,
      [JSON.stringify(rows)],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rating_rule_set');
  }
}
