import { restoreUnitPaths } from '@ps/auth';
import { convertToEffectiveVersions, revertEffectiveVersions } from '@ps/effective-dating';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reform plans become effective-dated, in force from the decision that adopted them; plans
 * already drafted become first versions from the day they were recorded, with no decision.
 * The stored path goes: reads find a unit's path on the date asked in the territory projection.
 */
export class DateReformPlans1732870000000 implements MigrationInterface {
  name = 'DateReformPlans1732870000000';

  async up(runner: QueryRunner): Promise<void> {
    await convertToEffectiveVersions(runner, 'reform_plan');
    await runner.query('ALTER TABLE reform_plan DROP COLUMN unit_path');
  }

  async down(runner: QueryRunner): Promise<void> {
    await revertEffectiveVersions(runner, 'reform_plan');
    await restoreUnitPaths(runner, 'reform_plan');
  }
}
