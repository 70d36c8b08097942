// `pnpm --filter @ps/bench territory-load` (after `pnpm build`): the national territory load of the
// organization service against raw COPY of the very rows it writes, side by side in rounds A B A B.
// A: `loadTerritory` (both trees: the 2024 three-tier list, then the 2026 two-tier list from
// 2025-07-01 with lineage, data files read and checked, closing ANALYZE included) into a fresh
// migrated database. B: the rows a load wrote (every table it filled: units, lineage, outbox,
// audit, decisions), dumped with COPY … TO STDOUT from a warm-up load and put back with
// COPY … FROM STDIN in one transaction into another fresh migrated database, every index,
// constraint and trigger in place. Needs PostgreSQL only; uses databases ps_bench_test_territory_*.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { copyTestDatabase, infrastructure, recreateTestDatabase } from '@ps/testing';
import { organizationService } from '@ps/organization/dist/service.js';
import { loadTerritory } from '@ps/organization/dist/territory-load/territory-load.service.js';
import { alternate, median, round, writeResults } from './lib.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const THREE_TIER_FROM = '2024-01-01';
const VARIANTS = ['load', 'copy'];
const logger = createLogger('territory-load-bench', 'silent');
const url = (name) => infrastructure.databaseUrl(`ps_bench_test_territory_${name}`);
const TEMPLATE = url('template');

/** Rows per table of the public schema (the migrations' own bookkeeping left out). */
async function rowCounts(client) {
  const { rows: tables } = await client.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename",
  );
  const counts = {};
  for (const { tablename } of tables) {
    counts[tablename] = Number((await client.query(`SELECT count(*) AS n FROM "${tablename}"`)).rows[0].n);
  }
  return counts;
}

async function connected(databaseUrl, work) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The migrated, empty schema every run starts from (copied as a template: no migration in the timings). */
async function migratedTemplate() {
  await recreateTestDatabase(TEMPLATE);
  const dataSource = createDataSource({ url: TEMPLATE, entities: organizationService.entities, migrations: organizationService.migrations, applicationName: 'territory-load-bench' });
  await openDatabase(dataSource, logger, { migrate: true });
  await dataSource.destroy();
  return connected(TEMPLATE, rowCounts);
}

/** A: the service's own load into a fresh copy of the template; its report and the rows it wrote per table. */
async function load(baseline) {
  const target = url('load');
  await copyTestDatabase(TEMPLATE, target);
  const dataSource = createDataSource({ url: target, entities: organizationService.entities, migrations: [], applicationName: 'territory-load-bench' });
  await dataSource.initialize();
  try {
    const started = performance.now();
    const report = await loadTerritory(dataSource, { threeTierFrom: THREE_TIER_FROM, only: null }, logger);
    const seconds = (performance.now() - started) / 1000;
    const written = await connected(target, async (client) => added(await rowCounts(client), baseline));
    return { seconds, report, written, target };
  } finally {
    await dataSource.destroy();
  }
}

function added(counts, baseline) {
  return Object.fromEntries(Object.entries(counts).map(([table, n]) => [table, n - (baseline[table] ?? 0)]).filter(([, n]) => n > 0));
}

/** Tables in an order where every foreign key points at a table already filled. */
async function fillOrder(client, tables) {
  const { rows } = await client.query(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint fk JOIN pg_class child ON child.oid = fk.conrelid JOIN pg_class parent ON parent.oid = fk.confrelid
      WHERE fk.contype = 'f' AND child.relname <> parent.relname`,
  );
  const ordered = [];
  const visit = (table, path = new Set()) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const { parent } of rows.filter((row) => row.child === table && tables.includes(row.parent))) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/** What a load wrote, table by table, as COPY text (no table the load wrote may have had rows before it). */
async function dump(source, written, baseline) {
  const refilled = Object.keys(written).filter((table) => (baseline[table] ?? 0) > 0);
  if (refilled.length > 0) throw new RangeError(`tables with rows before the load cannot be copied whole: ${refilled.join(', ')}`);
  return connected(source, async (client) => {
    const tables = [];
    for (const table of await fillOrder(client, Object.keys(written))) {
      const chunks = [];
      await pipeline(client.query(copyStreams.to(`COPY "${table}" TO STDOUT`)), async function* (stream) {
        for await (const chunk of stream) chunks.push(chunk);
      });
      tables.push({ table, data: Buffer.concat(chunks), rows: written[table] });
    }
    return tables;
  });
}

/** B: the dumped rows into a fresh copy of the template, one transaction of COPY … FROM STDIN. */
async function copy(tables) {
  const target = url('copy');
  await copyTestDatabase(TEMPLATE, target);
  return connected(target, async (client) => {
    const started = performance.now();
    await client.query('BEGIN');
    let rows = 0;
    for (const { table, data } of tables) {
      const stream = client.query(copyStreams.from(`COPY "${table}" FROM STDIN`));
      await pipeline(Readable.from([data]), stream);
      rows += Number(stream.rowCount);
    }
    await client.query('COMMIT');
    return { seconds: (performance.now() - started) / 1000, rows };
  });
}

const baseline = await migratedTemplate();
process.stderr.write('warm-up load, whose rows B copies\n');
const warmUp = await load(baseline);
const tables = await dump(warmUp.target, warmUp.written, baseline);
const rowsWritten = tables.reduce((sum, { rows }) => sum + rows, 0);

const runs = { load: [], copy: [] };
const { samples, ratios } = await alternate(VARIANTS, ROUNDS, async (variant) => {
  if (variant === 'copy') {
    const run = await copy(tables);
    if (run.rows !== rowsWritten) throw new RangeError(`COPY put back ${run.rows} rows, the load wrote ${rowsWritten}`);
    runs.copy.push(run);
    return [run.seconds];
  }
  const run = await load(baseline);
  const rows = Object.values(run.written).reduce((sum, n) => sum + n, 0);
  if (rows !== rowsWritten) throw new RangeError(`this load wrote ${rows} rows, the warm-up ${rowsWritten}`);
  const [threeTier, twoTier] = run.report.trees;
  runs.load.push({ seconds: run.seconds, threeTier: threeTier.seconds, twoTier: twoTier.seconds });
  return [run.seconds];
});

const seconds = { load: median(samples.load), copy: median(samples.copy) };
// Each pair runs A then B within seconds, so the median of the pairs' ratios is the steadier figure on a shared machine.
const percentOf = (ratios) => 100 / median(ratios);
const summary = {
  commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
  rows: rowsWritten,
  loadSeconds: round(seconds.load, 2),
  loadRowsPerSecond: Math.round(rowsWritten / seconds.load),
  copySeconds: round(seconds.copy, 2),
  copyRowsPerSecond: Math.round(rowsWritten / seconds.copy),
  percentOfCopy: round(percentOf(ratios)),
};
// Earlier runs stay in the results file, so the figure before a change is kept beside the one after.
const resultsFile = join(import.meta.dirname, 'results', 'territory-load.json');
const earlier = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : null;
const history = earlier
  ? [...(earlier.history ?? []), { at: earlier.at, loadAverage1m: earlier.machine.loadAverage1m, ...earlier.summary, percentOfCopy: round(percentOf(earlier.ratios)) }]
  : [];
const phase = (key) => round(median(runs.load.map((run) => run[key])), 2);

writeResults(
  'territory-load',
  { rounds: ROUNDS, threeTierFrom: THREE_TIER_FROM, rowsByTable: Object.fromEntries(tables.map(({ table, rows }) => [table, rows])), summary, history, samples, ratios, runs },
  `
The organization service's national territory load (A: \`loadTerritory\`, both trees, data files read and checked and the closing ANALYZE included) against raw \`COPY … FROM STDIN\` of the same ${rowsWritten} rows (B: dumped from a load, put back in one transaction), each into a fresh migrated database with every index, constraint and trigger in place; ${ROUNDS} rounds A B, medians. Commit ${summary.commit}.

| variant | rows | s (p50) | rows/s |
|---|---|---|---|
| load | ${rowsWritten} | ${summary.loadSeconds} | ${summary.loadRowsPerSecond} |
| COPY | ${rowsWritten} | ${summary.copySeconds} | ${summary.copyRowsPerSecond} |

Load speed: **${summary.percentOfCopy} % of COPY** (median of the pairs' time ratios load / COPY: ${ratios.map((r) => round(r, 2)).join(', ')}; from the medians above, ${round((100 * seconds.copy) / seconds.load)} %).
Inside the load (p50): three-tier transaction ${phase('threeTier')} s, two-tier transaction ${phase('twoTier')} s, the rest (data files read and planned, ANALYZE) ${round(seconds.load - phase('threeTier') - phase('twoTier'), 2)} s.
Goal (issue 15): load ≥ 50 % of COPY.

| table | rows |
|---|---|
${tables.map(({ table, rows }) => `| ${table} | ${rows} |`).join('\n')}
${history.length === 0 ? '' : `
Earlier runs:

| at | commit | machine load | rows | load s | rows/s | COPY s | % of COPY (pairs) |
|---|---|---|---|---|---|---|---|
${history.map((h) => `| ${h.at} | ${h.commit} | ${h.loadAverage1m} | ${h.rows} | ${h.loadSeconds} | ${h.loadRowsPerSecond} | ${h.copySeconds} | ${h.percentOfCopy} |`).join('\n')}
`}`,
);
