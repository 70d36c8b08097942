import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reform plans of a unit, each implementing a resolution or conclusion. */
export class CreateReformPlans1732793000000 implements MigrationInterface {
  name = 'CreateReformPlans1732793000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reform_plan (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title           text NOT NULL CHECK (length(btrim(title)) > 0),
        resolution_ref  text NOT NULL CHECK (length(btrim(resolution_ref)) > 0),
        unit_code       text NOT NULL,
        unit_path       ltree NOT NULL,
        status          text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
        created_by      text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX reform_plan_unit_code ON reform_plan (unit_code)');
    await runner.query('CREATE INDEX reform_plan_unit_path_gist ON reform_plan USING gist (unit_path)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reform_plan');
  }
}
