import { performance } from 'node:perf_hooks';
import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { recreateTestDatabase } from '@ps/testing';
import type { DataSource } from 'typeorm';
import { organizationService } from '../src/service';
import { loadTerritory } from '../src/territory-load/territory-load.service';

/** One full load (both trees, files read and checked included) into an empty, migrated database. */
export interface LoaderRun {
  seconds: number;
  threeTierSeconds: number;
  twoTierSeconds: number;
  /** Versions inserted + versions closed + lineage rows. */
  rows: number;
  /** Outbox rows written in the same transactions. */
  events: number;
}

/** The 2024 list is taken to hold from 2024-01-01, so Hà Nội can be read as of 2024-06-30. */
export const BENCH_THREE_TIER_FROM = '2024-01-01';

const logger = createLogger('territory-bench', 'silent');

/** Drops and re-creates the bench database, migrated. */
export async function freshDatabase(url: string): Promise<DataSource> {
  await recreateTestDatabase(url);
  const dataSource = createDataSource({
    url,
    entities: organizationService.entities,
    migrations: organizationService.migrations,
    applicationName: 'organization-territory-bench',
  });
  await openDatabase(dataSource, logger, { migrate: true });
  return dataSource;
}

/** Loads the national territory `runs` times, each into a fresh database; the last stays loaded and open. */
export async function benchLoader(url: string, dataDir: string, runs: number): Promise<{ samples: LoaderRun[]; loaded: DataSource }> {
  const samples: LoaderRun[] = [];
  let dataSource: DataSource | undefined;
  for (let run = 1; run <= runs; run += 1) {
    if (dataSource) await dataSource.destroy();
    dataSource = await freshDatabase(url);
    const started = performance.now();
    const report = await loadTerritory(dataSource, { threeTierFrom: BENCH_THREE_TIER_FROM, only: null, dataDir }, logger);
    const seconds = (performance.now() - started) / 1000;
    const [threeTier, twoTier] = report.trees;
    const events = report.trees.flatMap((tree) => Object.values(tree.events)).reduce((sum, n) => sum + n, 0);
    samples.push({ seconds, threeTierSeconds: threeTier.seconds, twoTierSeconds: twoTier.seconds, rows: threeTier.rowsWritten + twoTier.rowsWritten, events });
    process.stderr.write(`loader run ${run}/${runs}: ${seconds.toFixed(2)} s\n`);
  }
  if (!dataSource) throw new RangeError('at least one loader run is needed');
  return { samples, loaded: dataSource };
}
