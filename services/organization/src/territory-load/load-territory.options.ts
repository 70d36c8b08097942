import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TerritoryLoadOptionError } from './territory-load.errors';
import { DEFAULT_THREE_TIER_FROM, type TerritoryLoadOptions } from './territory-load.service';
import { REORGANIZATION_DATE } from './two-tier.loader';

const optionsSchema = z.object({
  'three-tier-from': z.iso
    .date()
    .refine((date) => date < REORGANIZATION_DATE, `must be before ${REORGANIZATION_DATE}`)
    .default(DEFAULT_THREE_TIER_FROM),
  only: z.enum(['three-tier', 'two-tier']).nullable().default(null),
  report: z.string().min(1).nullable().default(null),
});

export interface LoadTerritoryCommand extends TerritoryLoadOptions {
  /** Where to write the JSON report; a file under .local/territory-load/ when null. */
  report: string | null;
}

export const USAGE =
  'load-territory [--three-tier-from YYYY-MM-DD] [--only three-tier|two-tier] [--report file.json]';

/** Reads the command line of `load-territory`; anything unknown or malformed is refused with its name. */
export function parseLoadTerritoryArgs(argv: readonly string[]): LoadTerritoryCommand {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg, index) => !(index === 0 && arg === '--')),
      options: { 'three-tier-from': { type: 'string' }, only: { type: 'string' }, report: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new TerritoryLoadOptionError(`Tham số không hợp lệ: ${problem}`, `Invalid arguments: ${problem}. Usage: ${USAGE}`);
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new TerritoryLoadOptionError(`Tham số không hợp lệ: ${problems}`, `Invalid arguments: ${problems}. Usage: ${USAGE}`);
  }
  return { threeTierFrom: parsed.data['three-tier-from'], only: parsed.data.only, report: parsed.data.report };
}
