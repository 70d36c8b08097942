import 'reflect-metadata';
import { createLogger, DomainError, withServiceDatabase } from '@ps/service-kit';
import { organizationService } from '../service';
import { parseLoadTerritoryArgs } from './load-territory.options';
import { defaultReportFile, reportSummary, writeReport } from './territory-load.report';
import { loadTerritory } from './territory-load.service';

/**
 * `pnpm --filter @ps/organization load-territory [--three-tier-from 2024-01-01] [--only three-tier|two-tier]`:
 * an operator command (not a GraphQL mutation), run as `system:territory-load`. Migrates,
 * loads, writes the full report under .local/territory-load/ and prints its summary.
 */
async function main(): Promise<void> {
  const command = parseLoadTerritoryArgs(process.argv.slice(2));
  // Progress on stderr; the summary goes to stdout.
  await withServiceDatabase(
    organizationService,
    'territory-load',
    async (dataSource, logger) => {
      const report = await loadTerritory(dataSource, command, logger);
      const file = command.report ?? defaultReportFile(report.startedAt);
      writeReport(report, file);
      process.stdout.write(`${reportSummary(report, file)}\n`);
    },
    { logTo: 2 },
  );
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
