import type { DataSource } from 'typeorm';
import { seedRatings } from './dau-tieng.ratings';
import { seedCycles, seedPeriodScores, seedResponsibilityRules } from './dau-tieng.seed';

/** One step of the story for one year: what it adds (0 on a second run). */
export interface SeedStep {
  name: string;
  run: (dataSource: DataSource, year: number, today: string) => Promise<number>;
}

/** The steps, in order, for each of the story's years. */
export const SEED_STEPS: readonly SeedStep[] = [
  { name: 'job-responsibility rules', run: seedResponsibilityRules },
  { name: 'quarterly cycles', run: seedCycles },
  { name: 'period scores', run: seedPeriodScores },
  { name: 'ratings through the workflow', run: seedRatings },
];
