import { restoreUnitPaths } from '@ps/auth';
import { convertToEffectiveVersions, revertEffectiveVersions } from '@ps/effective-dating';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ratings become effective-dated, in force from the decision that recorded them; ratings
 * already recorded become first versions from the day they were recorded, with no decision.
 * The stored path goes: reads find a unit's path on the date asked in the territory projection.
 */
export class DateRatings1732870000000 implements MigrationInterface {
  name = 'DateRatings1732870000000';

  async up(runner: QueryRunner): Promise<void> {
    await convertToEffectiveVersions(runner, 'rating');
    await runner.query('ALTER TABLE rating DROP COLUMN unit_path');
  }

  async down(runner: QueryRunner): Promise<void> {
    await revertEffectiveVersions(runner, 'rating');
    await restoreUnitPaths(runner, 'rating');
  }
}
