import { effectiveVersionColumns } from '@ps/effective-dating';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The effective-version columns and constraints of `table` around its own columns. */
function datedTable(table: string, own: string): string {
  const { columns, constraints } = effectiveVersionColumns(table);
  return `CREATE TABLE ${table} (${columns},\n${own},\n${constraints})`;
}

/**
 * What a reform plan implements and contains: the source documents (resolutions, conclusions,
 * directives, guidance) plans cite; each plan's goals to a target year; tasks assigned to
 * organizations with an owner and a deadline; progress reports with evidence; indicators with a
 * target and actuals per period; and the successions of units merged away, so that a plan of a
 * commune that ceased counts under its successor from the merger date. All of it effective-dated.
 */
export class PlanDocumentsGoalsTasksIndicators1734000000000 implements MigrationInterface {
  name = 'PlanDocumentsGoalsTasksIndicators1734000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      datedTable('reform_source_document', `
        kind        text NOT NULL CHECK (kind IN ('RESOLUTION', 'CONCLUSION', 'DIRECTIVE', 'GUIDANCE')),
        number      text NOT NULL CHECK (length(btrim(number)) > 0),
        title       text NOT NULL CHECK (length(btrim(title)) > 0),
        issued_on   date NOT NULL,
        issuer      text NOT NULL CHECK (length(btrim(issuer)) > 0),
        level       text NOT NULL CHECK (level IN ('CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE')),
        unit_code   text NOT NULL`),
    );
    // One open record per document: a number is unique per issuer.
    await runner.query('CREATE UNIQUE INDEX reform_source_document_number ON reform_source_document (upper(number), upper(issuer)) WHERE valid_to IS NULL');
    await runner.query('ALTER TABLE reform_plan ADD COLUMN source_document_id uuid');
    await runner.query(
      datedTable('reform_goal', `
        plan_id      uuid NOT NULL,
        description  text NOT NULL CHECK (length(btrim(description)) > 0),
        target_year  int NOT NULL CHECK (target_year BETWEEN 1945 AND 2100)`),
    );
    await runner.query('CREATE INDEX reform_goal_plan ON reform_goal (plan_id)');
    await runner.query(
      datedTable('reform_task', `
        plan_id           uuid NOT NULL,
        title             text NOT NULL CHECK (length(btrim(title)) > 0),
        organization_ids  uuid[] NOT NULL CHECK (cardinality(organization_ids) > 0),
        owner_person_id   uuid NOT NULL,
        deadline          date NOT NULL`),
    );
    await runner.query('CREATE INDEX reform_task_plan ON reform_task (plan_id)');
    await runner.query('CREATE INDEX reform_task_organizations ON reform_task USING gin (organization_ids)');
    await runner.query(
      datedTable('reform_task_progress', `
        task_id     uuid NOT NULL,
        completion  int NOT NULL CHECK (completion BETWEEN 0 AND 100),
        evidence    text NOT NULL CHECK (length(btrim(evidence)) > 0),
        links       text[] NOT NULL DEFAULT '{}'`),
    );
    await runner.query('CREATE INDEX reform_task_progress_task ON reform_task_progress (task_id, valid_from)');
    await runner.query(
      datedTable('reform_indicator', `
        plan_id  uuid NOT NULL,
        name     text NOT NULL CHECK (length(btrim(name)) > 0),
        measure  text NOT NULL CHECK (length(btrim(measure)) > 0),
        target   numeric NOT NULL CHECK (target >= 0)`),
    );
    await runner.query('CREATE INDEX reform_indicator_plan ON reform_indicator (plan_id)');
    await runner.query(
      datedTable('reform_indicator_actual', `
        indicator_id  uuid NOT NULL,
        period_from   date NOT NULL,
        period_to     date NOT NULL,
        actual        numeric NOT NULL CHECK (actual >= 0),
        CHECK (period_to >= period_from)`),
    );
    await runner.query('CREATE INDEX reform_indicator_actual_indicator ON reform_indicator_actual (indicator_id, period_to)');
    await runner.query(`
      CREATE TABLE reform_unit_succession (
        predecessor_code  text NOT NULL,
        successor_code    text NOT NULL,
        effective_date    date NOT NULL,
        PRIMARY KEY (predecessor_code, effective_date)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['reform_unit_succession', 'reform_indicator_actual', 'reform_indicator', 'reform_task_progress', 'reform_task', 'reform_goal', 'reform_source_document']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query('ALTER TABLE reform_plan DROP COLUMN source_document_id');
  }
}
