import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-file's qualifications on every person version: general education, professional level,
 * political theory, state-management training, civil-service rank (ngạch) and salary grade
 * (bậc lương with its hệ số, both or neither). Null for files recorded before.
 */
export class PersonQualifications1733120000000 implements MigrationInterface {
  name = 'PersonQualifications1733120000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE person
        ADD COLUMN education_level            text CHECK (education_level IN ('PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY')),
        ADD COLUMN professional_level         text CHECK (professional_level IN ('ELEMENTARY', 'INTERMEDIATE', 'COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE')),
        ADD COLUMN political_theory_level     text CHECK (political_theory_level IN ('ELEMENTARY', 'INTERMEDIATE', 'ADVANCED', 'BACHELOR')),
        ADD COLUMN state_management_training  text CHECK (state_management_training IN ('OFFICER', 'PRINCIPAL_OFFICER', 'SENIOR_OFFICER')),
        ADD COLUMN rank_code                  text CHECK (rank_code ~ '^[0-9]{2}\\.[0-9]{3}[a-z]?$'),
        ADD COLUMN salary_step                integer CHECK (salary_step BETWEEN 1 AND 12),
        ADD COLUMN salary_coefficient         numeric(4,2) CHECK (salary_coefficient BETWEEN 1 AND 10),
        ADD CONSTRAINT person_salary_grade_whole CHECK ((salary_step IS NULL) = (salary_coefficient IS NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE person
        DROP CONSTRAINT person_salary_grade_whole,
        DROP COLUMN education_level, DROP COLUMN professional_level, DROP COLUMN political_theory_level,
        DROP COLUMN state_management_training, DROP COLUMN rank_code, DROP COLUMN salary_step, DROP COLUMN salary_coefficient`);
  }
}
