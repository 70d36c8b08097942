import { restoreUnitPaths } from '@ps/auth';
import { convertToEffectiveVersions, revertEffectiveVersions } from '@ps/effective-dating';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People become effective-dated: each row a version (the unit served in is part of it), every
 * registered person a first version from the day it was recorded, with no decision. The stored
 * path goes: reads find a unit's path on the date asked in the territory projection.
 */
export class DatePeople1732870000000 implements MigrationInterface {
  name = 'DatePeople1732870000000';

  async up(runner: QueryRunner): Promise<void> {
    await convertToEffectiveVersions(runner, 'person');
    await runner.query('ALTER TABLE person DROP COLUMN unit_path');
    await runner.query('CREATE INDEX person_unit_validity ON person (unit_code, valid_from)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX person_unit_validity');
    await revertEffectiveVersions(runner, 'person');
    await restoreUnitPaths(runner, 'person');
  }
}
