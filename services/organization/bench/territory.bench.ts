import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { infrastructure, recreateTestDatabase } from '@ps/testing';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { organizationService } from '../src/service';
import { loadTerritory } from '../src/territory-load/territory-load.service';
import { markdownTable, spread } from './percentiles';
import { benchSubtree, type SubtreeResult } from './subtree-query.bench';

/**
 * `pnpm --filter @ps/organization bench [--iterations 200]`: p50/p95 of a province subtree read
 * as of a date, on a fresh database the national territory was loaded into. Not a test: it
 * asserts nothing, it prints figures for the notes. The load itself is timed against COPY by
 * `pnpm --filter @ps/bench territory-load`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { iterations: { type: 'string', default: '200' } } });
  const iterations = z.coerce.number().int().positive().parse(values.iterations);
  // Compiled to bench/dist/bench/, so the service's data folder is three levels up.
  const dataDir = join(__dirname, '..', '..', '..', 'data', 'vn-admin-units');
  const loaded = await loadedDatabase(infrastructure.databaseUrl('ps_organization_territory_bench_test'), dataDir);
  try {
    const subtrees = await benchSubtree(
      loaded,
      [
        { province: '79', asOf: '2025-07-01' },
        { province: '01', asOf: '2024-06-30' },
      ],
      iterations,
    );
    process.stdout.write(`${subtreeTable(subtrees, iterations)}\n\n${plans(subtrees)}\n`);
  } finally {
    await loaded.destroy();
  }
}

/** A re-created, migrated database with both trees loaded (the 2024 list from 2024-01-01, so Hà Nội reads as of 2024-06-30). */
async function loadedDatabase(url: string, dataDir: string): Promise<DataSource> {
  await recreateTestDatabase(url);
  const logger = createLogger('territory-bench', 'silent');
  const dataSource = createDataSource({ url, entities: organizationService.entities, migrations: organizationService.migrations, applicationName: 'organization-territory-bench' });
  await openDatabase(dataSource, logger, { migrate: true });
  await loadTerritory(dataSource, { threeTierFrom: '2024-01-01', only: null, dataDir }, logger);
  return dataSource;
}

function subtreeTable(results: SubtreeResult[], iterations: number): string {
  return [
    `### Province subtree as of a date (UnitService.inForce + getMany, ${iterations} iterations after 10 warm-up)`,
    '',
    markdownTable(
      ['province', 'asOf', 'rows', 'p50 (ms)', 'p95 (ms)', 'GiST on path used'],
      results.map((r) => {
        const { p50, p95 } = spread(r.millis);
        return [r.province, r.asOf, String(r.rows), p50.toFixed(2), p95.toFixed(2), r.usesPathIndex ? 'yes' : 'no'];
      }),
    ),
  ].join('\n');
}

function plans(results: SubtreeResult[]): string {
  return results.map((r) => [`EXPLAIN ANALYZE, province ${r.province} as of ${r.asOf}:`, ...r.plan.map((line) => `    ${line}`)].join('\n')).join('\n\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
