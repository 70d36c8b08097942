import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { infrastructure } from '@ps/testing';
import { z } from 'zod';
import { BENCH_THREE_TIER_FROM, benchLoader, type LoaderRun } from './loader.bench';
import { markdownTable, spread } from './percentiles';
import { benchSubtree, type SubtreeResult } from './subtree-query.bench';

/**
 * `pnpm --filter @ps/organization bench [--runs 5] [--iterations 200]`: p50/p95 of the national
 * territory load (each run into a fresh database) and of a province subtree read as of a date.
 * Not a test: it asserts nothing, it prints figures for the notes.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, iterations: { type: 'string', default: '200' } } });
  const count = z.coerce.number().int().positive();
  const runs = count.parse(values.runs);
  const iterations = count.parse(values.iterations);
  // Compiled to bench/dist/bench/, so the service's data folder is three levels up.
  const dataDir = join(__dirname, '..', '..', '..', 'data', 'vn-admin-units');
  const url = infrastructure.databaseUrl('ps_organization_territory_bench_test');

  const { samples, loaded } = await benchLoader(url, dataDir, runs);
  try {
    const subtrees = await benchSubtree(
      loaded,
      [
        { province: '79', asOf: '2025-07-01' },
        { province: '01', asOf: '2024-06-30' },
      ],
      iterations,
    );
    process.stdout.write(`${loaderTable(samples)}\n\n${subtreeTable(subtrees, iterations)}\n\n${plans(subtrees)}\n`);
  } finally {
    await loaded.destroy();
  }
}

function loaderTable(samples: LoaderRun[]): string {
  const seconds = spread(samples.map((s) => s.seconds));
  const { rows, events } = samples[0];
  // Every run writes the same rows, so throughput at p50/p95 is rows over the p50/p95 time.
  const perSecond = (count: number): [string, string] => [(count / seconds.p50).toFixed(0), (count / seconds.p95).toFixed(0)];
  return [
    `### Loader: both trees, ${samples.length} runs, each into a fresh database (three-tier from ${BENCH_THREE_TIER_FROM})`,
    '',
    markdownTable(
      ['measure', 'p50', 'p95'],
      [
        ['whole load (s), data files read and checked included', seconds.p50.toFixed(2), seconds.p95.toFixed(2)],
        ['three-tier transaction (s)', ...fixed(spread(samples.map((s) => s.threeTierSeconds)))],
        ['two-tier transaction (s)', ...fixed(spread(samples.map((s) => s.twoTierSeconds)))],
        [`unit rows/s (${rows} versions inserted or closed + lineage rows)`, ...perSecond(rows)],
        [`rows + events/s (with ${events} outbox events)`, ...perSecond(rows + events)],
      ],
    ),
  ].join('\n');
}

function fixed(values: { p50: number; p95: number }): [string, string] {
  return [values.p50.toFixed(2), values.p95.toFixed(2)];
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
