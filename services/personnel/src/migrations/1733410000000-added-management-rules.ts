import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADDED_CATEGORY_RULES, historyRules } from '../management/category-rules.added';
import { insertManagementRules } from '../management/management-rule.rows';
import { MANAGEMENT_RULES } from '../management/management.rules';

/** What the migration inserts: the added rules, and the conventions for the history before the earliest of each category. */
export const MIGRATED_RULES = [...ADDED_CATEGORY_RULES, ...historyRules([...MANAGEMENT_RULES, ...ADDED_CATEGORY_RULES])];

/**
 * Management decentralisation back to 2010–2012 and for every category: the rules of
 * ADDED_CATEGORY_RULES join the table, and before the earliest of each category the platform's
 * convention for history (historyRules), so that every e-file has a managing body to act on it.
 */
export class AddedManagementRules1733410000000 implements MigrationInterface {
  name = 'AddedManagementRules1733410000000';

  async up(runner: QueryRunner): Promise<void> {
    await insertManagementRules(runner, MIGRATED_RULES);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM management_rule WHERE code = ANY($1::text[])', [MIGRATED_RULES.map((rule) => rule.code)]);
  }
}
