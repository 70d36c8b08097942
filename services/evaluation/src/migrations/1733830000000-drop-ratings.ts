import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateRatings1732792000000 } from './1732792000000-create-ratings';
import { DateRatings1732870000000 } from './1732870000000-date-ratings';

/**
 * The free-text ratings go: a rating is now an evaluation's decided level (evaluation and
 * evaluation_step), which the summaries and reports count. The table never held production rows;
 * going down recreates it empty, as the earlier migrations left it.
 */
export class DropRatings1733830000000 implements MigrationInterface {
  name = 'DropRatings1733830000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rating');
  }

  async down(runner: QueryRunner): Promise<void> {
    await new CreateRatings1732792000000().up(runner);
    await new DateRatings1732870000000().up(runner);
  }
}
