import 'reflect-metadata';
import { createDataSource, createLogger, DomainError, ensureDatabase, loadEnv, openDatabase } from '@ps/service-kit';
import { z } from 'zod';
import { organizationService } from '../service';
import { parseLoadTerritoryArgs } from './load-territory.options';
import { defaultReportFile, reportSummary, writeReport } from './territory-load.report';
import { loadTerritory } from './territory-load.service';

/**
 * `pnpm --filter @ps/organization load-territory [--three-tier-from 2025-01-01] [--only three-tier|two-tier]`:
 * an operator command (not a GraphQL mutation), run as `system:territory-load`. Migrates,
 * loads, writes the full report under .local/territory-load/ and prints its summary.
 */
async function main(): Promise<void> {
  const command = parseLoadTerritoryArgs(process.argv.slice(2));
  const env = loadEnv(
    z.object({
      DATABASE_URL: z.string().url(),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    }),
  );
  // Progress on stderr; the summary goes to stdout.
  const logger = createLogger('organization-territory-load', env.LOG_LEVEL, 2);
  await ensureDatabase(env.DATABASE_URL);
  const dataSource = createDataSource({
    url: env.DATABASE_URL,
    entities: organizationService.entities,
    migrations: organizationService.migrations,
    applicationName: 'organization-territory-load',
  });
  await openDatabase(dataSource, logger, { migrate: true });
  try {
    const report = await loadTerritory(dataSource, command, logger);
    const file = command.report ?? defaultReportFile(report.startedAt);
    writeReport(report, file);
    process.stdout.write(`${reportSummary(report, file)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  // An operator's mistake (bad flag, unreadable data file): its message, no stack trace.
  if (error instanceof DomainError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  createLogger('organization-territory-load', 'info', 2).fatal({ err: error }, 'territory load failed');
  process.exit(1);
});
