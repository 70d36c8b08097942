import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far headcount must fall after a reorganisation, and by when, as dated rule data with its
 * source: Decree 178/2024/NĐ-CP as amended by Decree 67/2025/NĐ-CP (at least 20% within five
 * years of the reorganisation). A later decree is a new row, not an edit.
 */
export class HeadcountReductionRule1733060000000 implements MigrationInterface {
  name = 'HeadcountReductionRule1733060000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE headcount_reduction_rule (
        valid_from         date PRIMARY KEY,
        valid_to           date,
        reduction_percent  int NOT NULL CHECK (reduction_percent BETWEEN 0 AND 100),
        within_months      int NOT NULL CHECK (within_months > 0),
        source             text NOT NULL,
        CONSTRAINT headcount_reduction_rule_no_overlap EXCLUDE USING gist (daterange(valid_from, valid_to) WITH &&)
      )`);
    await runner.query(
      `INSERT INTO headcount_reduction_rule (valid_from, reduction_percent, within_months, source) VALUES ('2025-01-01', 20, 60, $1)`,
      ['Nghị định 178/2024/NĐ-CP, sửa đổi bởi Nghị định 67/2025/NĐ-CP (tỷ lệ và thời hạn cần đối chiếu văn bản gốc)'],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE headcount_reduction_rule');
  }
}
