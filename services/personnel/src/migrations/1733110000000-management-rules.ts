import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertManagementRules } from '../management/management-rule.rows';
import { MANAGEMENT_RULES } from '../management/management.rules';

/**
 * Management decentralisation as data: which tier's body manages which people, by subject (a
 * category now, a title later) and the tier of the unit they serve in, effective-dated, each
 * rule with its source document and article. No two rules for one subject, tier and body
 * overlap in time. Seeded with the rules in force from 2017 (see MANAGEMENT_RULES).
 */
export class ManagementRules1733110000000 implements MigrationInterface {
  name = 'ManagementRules1733110000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await runner.query(`
      CREATE TABLE management_rule (
        code             text PRIMARY KEY,
        subject_kind     text NOT NULL CHECK (subject_kind IN ('CATEGORY', 'TITLE')),
        subject_code     text NOT NULL CHECK (length(btrim(subject_code)) > 0),
        person_tier      text NOT NULL CHECK (person_tier IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        managing_tier    text NOT NULL CHECK (managing_tier IN ('NATIONAL', 'PROVINCE', 'DISTRICT', 'COMMUNE')),
        body             text NOT NULL CHECK (body IN ('ORGANIZATION_BOARD', 'HOME_AFFAIRS')),
        valid_from       date NOT NULL,
        valid_to         date,
        source_document  text NOT NULL CHECK (length(btrim(source_document)) > 0),
        source_article   text NOT NULL CHECK (length(btrim(source_article)) > 0),
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT management_rule_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT management_rule_no_overlap EXCLUDE USING gist (
          subject_kind WITH =, subject_code WITH =, person_tier WITH =, body WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await runner.query('CREATE INDEX management_rule_subject ON management_rule (subject_kind, subject_code, person_tier, valid_from)');
    await insertManagementRules(runner, MANAGEMENT_RULES);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE management_rule');
  }
}
