import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertManagementRules } from '../management/management-rule.rows';
import { TITLE_MANAGEMENT_RULES } from '../management/management.rules';

/** Management decentralisation by title: the rules of TITLE_MANAGEMENT_RULES join the category rules. */
export class TitleManagementRules1733400000000 implements MigrationInterface {
  name = 'TitleManagementRules1733400000000';

  async up(runner: QueryRunner): Promise<void> {
    await insertManagementRules(runner, TITLE_MANAGEMENT_RULES);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM management_rule WHERE subject_kind = 'TITLE'");
  }
}
